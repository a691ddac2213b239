package org.qicsim.scratch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import org.qicsim.scenario.Scenario;
import org.qicsim.scenario.YamlEnum;

/** Throwaway binder for smoke tests before the real loader lands. */
public final class ScratchBinder {
    public static Scenario defaults(String... sets) throws Exception {
        ObjectMapper m = new ObjectMapper(new YAMLFactory());
        JsonNode root = m.readTree(Scenario.class.getResourceAsStream("/org/qicsim/scenario/defaults.yaml"));
        for (String s : sets) {
            String[] kv = s.split("=", 2);
            String[] path = kv[0].split("\\.");
            ObjectNode node = (ObjectNode) root;
            for (int i = 0; i < path.length - 1; i++) {
                node = (ObjectNode) node.get(path[i]);
            }
            node.set(path[path.length - 1], m.readTree(kv[1]));
        }
        return (Scenario) bind(root, Scenario.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object bind(JsonNode n, Class<?> type) throws Exception {
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Object[] args = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                args[i] = bind(n.get(rc[i].getName()), types[i]);
            }
            return type.getDeclaredConstructor(types).newInstance(args);
        }
        if (n == null || n.isNull()) {
            return null;
        }
        if (type == int.class || type == Integer.class) return n.asInt();
        if (type == long.class) return n.asLong();
        if (type == double.class || type == Double.class) return n.asDouble();
        if (type == boolean.class) return n.asBoolean();
        if (type == String.class) return n.asText();
        if (type.isEnum()) return YamlEnum.fromYaml((Class) type, n.asText());
        if (type == java.util.List.class) return new ArrayList<>();
        throw new IllegalStateException(type.toString());
    }
}
