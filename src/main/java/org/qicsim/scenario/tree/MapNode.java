package org.qicsim.scenario.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mapping whose entries keep their file order and the location of each key. */
public record MapNode(Location location, Map<String, Entry> entries) implements Node {

    /** One key of a mapping: the key's own location and the value node. */
    public record Entry(String key, Location keyLocation, Node value) {
    }

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** A mapping from entries in the given order (later duplicates replace earlier ones). */
    public static MapNode of(Location location, List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry entry : entries) {
            map.put(entry.key(), entry);
        }
        return new MapNode(location, map);
    }

    /** The value under {@code key}, or null when absent. */
    public Node get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** This mapping without {@code key}. */
    public MapNode without(String key) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.remove(key);
        return new MapNode(location, copy);
    }

    /**
     * The node at a dotted path of mapping keys (e.g. {@code sites.volume.median}), or null when any
     * step is missing or is not a mapping.
     */
    public Node at(String dottedPath) {
        Node node = this;
        for (String key : dottedPath.split("\\.", -1)) {
            if (!(node instanceof MapNode map)) {
                return null;
            }
            node = map.get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
