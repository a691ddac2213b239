package org.qicsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * A {@code set:} block of an experiment or calibration file: fixed scenario settings, a mapping of
 * dotted scenario key paths to values, each checked by the scenario's own {@link KeySpec} (type,
 * range, enum values) and located at its line, with "did you mean" for a misspelt path. Each becomes a
 * {@link KeyOverride} whose origin is recorded in {@code origins}, so that a problem the scenario
 * loader finds later (a cross-field rule) is reported at the line of the setting that caused it.
 */
public final class SettingsBlock {

    private SettingsBlock() {
    }

    /**
     * The settings of {@code node} (null: none), problems added to {@code problems}.
     *
     * @param prefix   the block's path in messages ({@code set}, {@code targets[2].set})
     * @param refused  keys that may not be set here, each with the reason (e.g. set elsewhere in the file)
     * @param origin   the origin text of a setting, from its key path and the location of its value
     * @param origins  receives each origin and the location it stands for
     */
    public static List<KeyOverride> parse(Node node, String prefix, Map<String, String> refused,
            BiFunction<String, Location, String> origin, Problems problems, Map<String, Location> origins) {
        List<KeyOverride> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MapNode map)) {
            problems.error(node.location(), prefix, "expected a mapping of key paths to values, e.g. "
                    + "{sites.count: 20}, got " + node.describe());
            return out;
        }
        for (MapNode.Entry e : map.entries().values()) {
            String path = e.key();
            String at = prefix + "." + path;
            Optional<KeySpec> spec = ScenarioSchema.key(path);
            if (spec.isEmpty()) {
                String hint = ScenarioSchema.isSection(path) ? " is a section; set one key per entry"
                        : " is not a scenario key" + DidYouMean.phrase(ScenarioSchema.suggest(path));
                problems.error(e.keyLocation(), at, "\"" + path + "\"" + hint
                        + " (valid: a dotted key path, as listed by qicsim schema --list)");
                continue;
            }
            if (refused.containsKey(path)) {
                problems.error(e.keyLocation(), at, path + " " + refused.get(path));
                continue;
            }
            if (!(e.value() instanceof ScalarNode scalar)) {
                problems.error(e.value().location(), at, "expected a value, got " + e.value().describe()
                        + " (valid: " + spec.get().validDescription() + ")");
                continue;
            }
            Optional<String> wrong = spec.get().check(scalar.value());
            if (wrong.isPresent()) {
                problems.error(scalar.location(), at, wrong.get());
                continue;
            }
            String text = origin.apply(path, scalar.location());
            origins.put(text, scalar.location());
            out.add(KeyOverride.of(path, scalar.value(), text));
        }
        return out;
    }
}
