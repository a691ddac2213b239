package org.qicsim.scenario;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
 * file that names it. Reports unreadable or malformed files, missing parents, cycles and chains
 * longer than {@link #MAX_DEPTH} at the {@code extends} line that caused them.
 *
 * <p>A parent that cannot be used is reported at the child's {@code extends} line without quoting
 * anything from the parent (its syntax error, its value): a file named as a parent may be one the
 * user is not meant to read (the workshop server loads uploaded children against its own parents).
 */
final class ExtendsChain {

    static final String EXTENDS = "extends";
    /** Longest chain of parents followed; the bundled scenarios need 2. */
    static final int MAX_DEPTH = 64;

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
            fileProblem(includedAt, display, "cannot read " + display + (includedAt == null ? ": " + e.getMessage() : ""));
            return;
        } catch (TreeSyntaxException e) {
            if (includedAt == null) {
                problems.error(e.location(), "", e.getMessage());
            } else {
                // Located in the parent but worded without its content (see the class comment).
                problems.error(includedAt, EXTENDS, display + " is not a usable scenario file (" + (e.location().line() > 0
                        ? "a syntax error at line " + e.location().line() + ", column " + e.location().column()
                        : "it cannot be read as a text file") + "); check it with qicsim validate " + display);
            }
            return;
        }
        if (!(root instanceof MapNode map)) {
            boolean empty = root instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL;
            if (includedAt != null) {
                problems.error(includedAt, EXTENDS, display + " is not a scenario file (" + (empty ? "it is empty"
                        : "it is not a mapping of keys") + ")");
                return;
            }
            String what = empty ? "the file is empty" : "the file holds " + root.describe();
            problems.error(root.location(), "", what + "; a scenario is a mapping of keys such as name, sites, collaborative");
            return;
        }
        MapNode.Entry parent = map.entry(EXTENDS);
        if (parent != null) {
            Node value = parent.value();
            if (value instanceof ScalarNode scalar && scalar.value() instanceof String name && !name.isBlank()) {
                Path target;
                try {
                    target = file.resolveSibling(name);
                } catch (InvalidPathException e) {
                    problems.error(value.location(), EXTENDS, "not a valid file path" + (name.indexOf('\0') >= 0
                            ? " (it holds a NUL character)" : ": " + e.getReason()));
                    layers.add(map.without(EXTENDS));
                    return;
                }
                if (including.size() + 1 >= MAX_DEPTH) {
                    problems.error(value.location(), EXTENDS, "the extends chain is longer than " + MAX_DEPTH
                            + " files (valid: at most " + MAX_DEPTH + "); is it generated by mistake?");
                    return;
                }
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
