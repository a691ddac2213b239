package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.qicsim.results.UserInputException;

/** Read access to the files of the folder being reported, by {@code /}-separated relative paths. */
final class ResultsDir {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final TreeMap<String, CsvTable> tables = new TreeMap<>();

    ResultsDir(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path path(String relative) {
        Path p = dir;
        for (String segment : relative.split("/")) {
            p = p.resolve(segment);
        }
        return p;
    }

    boolean has(String relative) {
        return Files.isRegularFile(path(relative));
    }

    CsvTable csv(String relative) throws IOException {
        CsvTable t = tables.get(relative);
        if (t == null) {
            t = CsvTable.read(path(relative), relative);
            tables.put(relative, t);
        }
        return t;
    }

    JsonNode json(String relative) throws IOException {
        try {
            return MAPPER.readTree(path(relative).toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException(dir.resolve(relative) + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The sub-folders of {@code designs/} in design order ({@code <k>-<name>}, by k). */
    List<String> designFolders() throws IOException {
        Path designs = dir.resolve("designs");
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        if (Files.isDirectory(designs)) {
            try (Stream<Path> children = Files.list(designs)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    String name = child.getFileName().toString();
                    int dash = name.indexOf('-');
                    if (Files.isDirectory(child) && dash > 0 && name.substring(0, dash).matches("[0-9]+")) {
                        byPosition.put(Integer.parseInt(name.substring(0, dash)), name);
                    }
                }
            }
        }
        List<String> folders = new ArrayList<>();
        byPosition.values().forEach(name -> folders.add("designs/" + name));
        return folders;
    }

    /** A JSON number, or NaN when absent, null or not a number. */
    static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
