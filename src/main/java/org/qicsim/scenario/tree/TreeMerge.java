package org.qicsim.scenario.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep merge of located trees: mappings merge key by key, anything else (lists, scalars, or a
 * value of a different shape) is replaced whole by the overriding node. Every node of the result is
 * the node that won, so its location still points at the file and line that set it. Keys keep the
 * base's order, with new keys appended in the override's order.
 */
public final class TreeMerge {

    private TreeMerge() {
    }

    public static Node merge(Node base, Node over) {
        if (base instanceof MapNode baseMap && over instanceof MapNode overMap) {
            return mergeMaps(baseMap, overMap);
        }
        return over;
    }

    public static MapNode mergeMaps(MapNode base, MapNode over) {
        Map<String, MapNode.Entry> merged = new LinkedHashMap<>(base.entries());
        for (MapNode.Entry entry : over.entries().values()) {
            MapNode.Entry existing = merged.get(entry.key());
            Node value = existing == null ? entry.value() : merge(existing.value(), entry.value());
            merged.put(entry.key(), new MapNode.Entry(entry.key(), entry.keyLocation(), value));
        }
        return new MapNode(over.location(), merged);
    }

    /**
     * The mapping {@code {a: {b: {c: value}}}} for the path {@code a.b.c}, every level located at
     * {@code location}: the shape a command-line override takes before it is merged.
     */
    public static MapNode nest(List<String> path, Location location, Node value) {
        Node node = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            node = new MapNode(location, Map.of(path.get(i), new MapNode.Entry(path.get(i), location, node)));
        }
        return (MapNode) node;
    }
}
