package org.qicsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A section of the scenario schema: one record type, its children in record-declaration order. */
record SchemaSection(String path, Class<?> recordType, String doc, Map<String, SchemaEntry> children)
        implements SchemaEntry {

    SchemaSection {
        children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    /** {@code parent.key}, or {@code key} at the top level. */
    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
