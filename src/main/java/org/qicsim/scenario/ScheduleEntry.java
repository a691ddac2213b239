package org.qicsim.scenario;

import java.util.Map;

/**
 * One {@code schedule} entry: from {@code fromMonth} on, the given {@code collaborative.*} keys take
 * the given values. Values are the bound Java values (Double, Integer, Boolean, enum constant, or
 * null for a nullable key), keyed by full dotted path in file order.
 */
public record ScheduleEntry(int fromMonth, Map<String, Object> set) {
    public ScheduleEntry {
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }
}
