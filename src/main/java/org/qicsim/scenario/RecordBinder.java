package org.qicsim.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * Binds a validated tree to the section records through their canonical constructors, and copies
 * records with one key changed (for {@code schedule}). It runs only after clean validation, so any
 * failure here is a bug in qicsim, reported as {@link IllegalStateException}.
 */
final class RecordBinder {

    /**
     * Each record type's components, by name, and canonical constructor, found by reflection once per
     * type: {@code Class.getRecordComponents} builds a fresh array natively on every call, and a simulated
     * review loads two scenarios per trial (hundreds of keys read back for the ignored-key notes), which
     * made reflection most of a review's time on the loading thread.
     */
    private record Shape(List<RecordComponent> components, Map<String, RecordComponent> byName, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Map<String, RecordComponent> byName = new LinkedHashMap<>();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                byName.put(components[i].getName(), components[i]);
                types[i] = components[i].getType();
            }
            try {
                return new Shape(List.of(components), Map.copyOf(byName), type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private RecordBinder() {
    }

    /** The components of the record type {@code type}, in declaration order. */
    static List<RecordComponent> components(Class<?> type) {
        return SHAPES.get(type).components();
    }

    static Scenario scenario(MapNode root) {
        return bind(Scenario.class, root, "");
    }

    private static <R> R bind(Class<R> type, MapNode node, String path) {
        List<RecordComponent> components = SHAPES.get(type).components();
        Object[] args = new Object[components.size()];
        for (int i = 0; i < args.length; i++) {
            RecordComponent component = components.get(i);
            String childPath = SchemaSection.join(path, component.getName());
            Node child = node.get(component.getName());
            if (child == null) {
                throw new IllegalStateException("binding after validation: " + childPath + " is missing");
            }
            if (component.getType().isRecord()) {
                args[i] = bind(component.getType(), asMap(child, childPath), childPath);
            } else if (component.getType() == List.class) {
                args[i] = schedule(child);
            } else {
                args[i] = ScenarioSchema.toJava(childPath, scalar(child, childPath).value());
            }
        }
        return construct(type, args);
    }

    /** Entries in month order; entries of one month keep their file order (the order they apply in). */
    private static List<ScheduleEntry> schedule(Node node) {
        if (!(node instanceof ListNode list)) {
            throw new IllegalStateException("binding after validation: schedule is not a list");
        }
        List<ScheduleEntry> entries = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode entry = asMap(item, "schedule");
            // Validated as an integer in [0, horizonMonths - 1]; 2.0 is accepted as 2.
            int fromMonth = Math.toIntExact(Math.round(((Number) scalar(entry.get("fromMonth"), "fromMonth").value())
                    .doubleValue()));
            MapNode set = asMap(entry.get("set"), "schedule.set");
            // Canonical key order (declaration order): two files that differ only in order hash alike.
            Map<String, Object> values = new LinkedHashMap<>();
            for (KeySpec spec : ScenarioSchema.keysUnder("collaborative")) {
                Node value = set.get(spec.path());
                if (value != null) {
                    values.put(spec.path(), ScenarioSchema.toJava(spec.path(), scalar(value, spec.path()).value()));
                }
            }
            entries.add(new ScheduleEntry(fromMonth, values));
        }
        entries.sort(Comparator.comparingInt(ScheduleEntry::fromMonth));
        return entries;
    }

    /** A copy of {@code record} with the component at {@code dottedPath} (relative to it) set to {@code value}. */
    static <R> R with(R record, String dottedPath, Object value) {
        int dot = dottedPath.indexOf('.');
        String name = dot < 0 ? dottedPath : dottedPath.substring(0, dot);
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) record.getClass();
        List<RecordComponent> components = SHAPES.get(type).components();
        Object[] args = new Object[components.size()];
        boolean found = false;
        for (int i = 0; i < args.length; i++) {
            args[i] = read(components.get(i), record);
            if (components.get(i).getName().equals(name)) {
                args[i] = dot < 0 ? value : with(args[i], dottedPath.substring(dot + 1), value);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException(type.getSimpleName() + " has no component " + name);
        }
        return construct(type, args);
    }

    /** The value at a dotted path below {@code record}. */
    static Object get(Object record, String dottedPath) {
        Object current = record;
        for (String name : dottedPath.split("\\.")) {
            RecordComponent match = SHAPES.get(current.getClass()).byName().get(name);
            if (match == null) {
                throw new IllegalStateException(current.getClass().getSimpleName() + " has no component " + name);
            }
            current = read(match, current);
        }
        return current;
    }

    static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static <R> R construct(Class<R> type, Object[] args) {
        try {
            return type.cast(SHAPES.get(type).constructor().newInstance(args));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("binding after validation: " + type.getSimpleName() + " rejected "
                    + "its values: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("binding after validation: cannot construct " + type.getSimpleName(), e);
        }
    }

    private static MapNode asMap(Node node, String path) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw new IllegalStateException("binding after validation: " + path + " is not a mapping");
    }

    private static ScalarNode scalar(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar;
        }
        throw new IllegalStateException("binding after validation: " + path + " is not a scalar");
    }
}
