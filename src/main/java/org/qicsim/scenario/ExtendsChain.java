package org.qicsim.scenario;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * Reads a scenario file and the files it {@code extends}, transitively, each path relative to the
 * file that names it. Reports unreadable or malformed files, missing parents and cycles at the
 * {@code extends} line that caused them.
 */
final class ExtendsChain {

    static final String EXTENDS = "extends";

    private final Problems problems;
    private final Deque<Path> including = new ArrayDeque<>();
    private final List<String> includingNames = new ArrayList<>();
    private final List<MapNode> layers = new ArrayList<>();

    private ExtendsChain(Problems problems) {
        this.problems = problems;
    }

    /**
     * The trees of the chain, most distant ancestor first and {@code file} last, each without its
     * {@code extends} key; problems go to {@code problems}.
     */
    static List<MapNode> read(Path file, Problems problems) {
        ExtendsChain chain = new ExtendsChain(problems);
        chain.read(file, file.normalize().toString(), null);
        return chain.layers;
    }

    private void read(Path file, String display, Location includedAt) {
        Path identity = identity(file);
        if (including.contains(identity)) {
            List<String> cycle = new ArrayList<>(includingNames);
            cycle.add(display);
            problems.error(includedAt, EXTENDS, "extends cycle: " + String.join(" → ", cycle));
            return;
        }
        if (Files.isDirectory(file)) {
            fileProblem(includedAt, display, display + " is a directory, not a scenario file");
            return;
        }
        Node root;
        try {
            root = LocatedTreeParser.parseFile(file, display);
        } catch (NoSuchFileException e) {
            fileProblem(includedAt, display, includedAt == null
                    ? "cannot read: no such file"
                    : "file not found: " + display + nearbyFiles(file));
            return;
        } catch (IOException e) {
            fileProblem(includedAt, display, "cannot read " + display + ": " + e.getMessage());
            return;
        } catch (TreeSyntaxException e) {
            problems.error(e.location(), "", e.getMessage());
            return;
        }
        if (!(root instanceof MapNode map)) {
            String what = root instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL
                    ? "the file is empty" : "the file holds " + root.describe();
            problems.error(root.location(), "", what + "; a scenario is a mapping of keys such as name, sites, collaborative");
            return;
        }
        MapNode.Entry parent = map.entry(EXTENDS);
        if (parent != null) {
            Node value = parent.value();
            if (value instanceof ScalarNode scalar && scalar.value() instanceof String name && !name.isBlank()) {
                Path target = file.resolveSibling(name);
                including.push(identity);
                includingNames.add(display);
                read(target, target.normalize().toString(), value.location());
                includingNames.remove(includingNames.size() - 1);
                including.pop();
            } else if (!(value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL)) {
                problems.error(value.location(), EXTENDS, "expected a file name (a string), got " + value.describe());
            }
        }
        layers.add(map.without(EXTENDS));
    }

    /**
     * A problem with a whole file: reported at the {@code extends} line that named it, or, for the
     * file given on the command line, at the file itself.
     */
    private void fileProblem(Location includedAt, String display, String message) {
        if (includedAt == null) {
            problems.error(Location.ofFile(display), "", message);
        } else {
            problems.error(includedAt, EXTENDS, message);
        }
    }

    /** The same file reached by two spellings has one identity, so cycles are found whatever the path. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * {@code (did you mean "base.yaml"?)} among the scenario files next to a missing one, compared
     * without their extensions so that a shared ".yaml" does not make every short name look close.
     */
    private static String nearbyFiles(Path missing) {
        Path dir = missing.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || missing.getFileName() == null) {
            return "";
        }
        Map<String, String> byStem = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) {
                    byStem.put(stem(name), name);
                }
            }
        } catch (IOException e) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String stem : DidYouMean.among(stem(missing.getFileName().toString()), byStem.keySet())) {
            names.add(byStem.get(stem));
        }
        return DidYouMean.phrase(names);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
