package org.qicsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section of a file's schema ({@link RecordSchema}): one record type, its children in
 * record-declaration order, and the names of those a file must give ({@link Required}).
 */
record SchemaSection(String path, Class<?> recordType, String doc, Map<String, SchemaEntry> children,
        List<String> required) implements SchemaEntry {

    SchemaSection {
        children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
        required = List.copyOf(required);
    }

    /** {@code parent.key}, or {@code key} at the top level. */
    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
