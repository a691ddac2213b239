package org.qicsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.TreeSyntaxException;

/** The bundled {@code defaults.yaml}, the single source of every default, parsed once. */
final class BundledDefaults {

    /** How locations in the defaults appear in messages (they should never appear: the defaults are valid). */
    static final String FILE = "<defaults>";

    private static final MapNode TREE = read();

    private BundledDefaults() {
    }

    static MapNode tree() {
        return TREE;
    }

    private static MapNode read() {
        try (InputStream in = BundledDefaults.class.getResourceAsStream("defaults.yaml")) {
            if (in == null) {
                throw new IllegalStateException("defaults.yaml is missing from the class path");
            }
            Node root = LocatedTreeParser.parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), FILE, 0);
            if (!(root instanceof MapNode map)) {
                throw new IllegalStateException("defaults.yaml is not a mapping");
            }
            return map;
        } catch (IOException | TreeSyntaxException e) {
            throw new IllegalStateException("cannot read the bundled defaults.yaml: " + e.getMessage(), e);
        }
    }
}
