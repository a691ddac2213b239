package org.qicsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.Numbers;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * Validates a merged scenario tree in one pass, collecting every error at the location of the node
 * that won the merge: unknown keys, wrong types, out-of-range and misspelt enum values, the
 * cross-field rules of MODEL.md §2 and §8, and {@code schedule}. Rules about several keys run only
 * when each of those keys is valid on its own, so one mistake gives one message.
 */
final class ScenarioValidator {

    private static final double GAMING_TYPES_TOLERANCE = 1e-9;

    private final Problems problems;
    /** Paths already reported, so that cross-field rules do not pile onto them. */
    private final Set<String> invalid = new LinkedHashSet<>();

    private ScenarioValidator(Problems problems) {
        this.problems = problems;
    }

    /** Adds every problem of {@code merged} (defaults already merged in) to {@code problems}. */
    static void validate(MapNode merged, Problems problems) {
        ScenarioValidator validator = new ScenarioValidator(problems);
        validator.section(ScenarioSchema.root(), merged);
        validator.crossFieldRules(merged);
        validator.schedule(merged);
    }

    private void section(SchemaSection section, MapNode node) {
        for (MapNode.Entry entry : node.entries().values()) {
            SchemaEntry child = section.children().get(entry.key());
            String path = SchemaSection.join(section.path(), entry.key());
            if (child == null) {
                unknownKey(section, entry);
            } else if (child instanceof SchemaSection sub) {
                if (entry.value() instanceof MapNode map) {
                    section(sub, map);
                } else {
                    markInvalid(path);
                    problems.error(entry.value().location(), path, "expected a mapping of keys, got "
                            + entry.value().describe() + " (valid: " + String.join(", ", sub.children().keySet()) + ")");
                }
            } else {
                leaf((KeySpec) child, entry.value());
            }
        }
        for (String key : section.children().keySet()) {
            if (!node.has(key)) {
                // Defaults cover every key and merging never removes one.
                throw new IllegalStateException(SchemaSection.join(section.path(), key)
                        + " is missing after merging the defaults");
            }
        }
    }

    private void leaf(KeySpec spec, Node value) {
        Optional<String> problem;
        if (value instanceof ScalarNode scalar) {
            problem = spec.check(scalar.value());
        } else {
            problem = spec.check(value instanceof MapNode ? Map.of() : List.of());
        }
        problem.ifPresent(message -> {
            markInvalid(spec.path());
            problems.error(value.location(), spec.path(), message);
        });
    }

    private void unknownKey(SchemaSection section, MapNode.Entry entry) {
        String path = SchemaSection.join(section.path(), entry.key());
        StringBuilder message = new StringBuilder("unknown key \"").append(entry.key()).append('"');
        message.append(DidYouMean.phrase(DidYouMean.among(entry.key(), section.children().keySet())));
        List<String> elsewhere = ScenarioSchema.elsewhere(section.path(), entry.key());
        if (!elsewhere.isEmpty()) {
            message.append("; a key of that name exists at ").append(String.join(", ", elsewhere));
        }
        message.append(" (valid: ").append(String.join(", ", section.children().keySet())).append(')');
        problems.error(entry.keyLocation(), path, message.toString());
    }

    private void markInvalid(String path) {
        invalid.add(path);
    }

    /** The number at a valid leaf, or empty when it is invalid (already reported) or null. */
    private Optional<Double> number(MapNode root, String path) {
        if (invalid.contains(path) || invalidAncestor(path)) {
            return Optional.empty();
        }
        return root.at(path) instanceof ScalarNode scalar && scalar.value() instanceof Number n
                ? Optional.of(n.doubleValue())
                : Optional.empty();
    }

    private boolean invalidAncestor(String path) {
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            if (invalid.contains(path.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Most patients one arm of a run may simulate (expected value): each patient is two draws, so
     * this is about two minutes of one core. Beyond it a run does not fail, it runs for hours;
     * {@code sites.volume.median: 1e6} passed the key's own range and did exactly that.
     */
    static final double MAX_PATIENTS_PER_ARM = 1e9;

    private void crossFieldRules(MapNode root) {
        Optional<Double> count = number(root, "sites.count");
        Optional<Double> median = number(root, "sites.volume.median");
        Optional<Double> spread = number(root, "sites.volume.spread");
        Optional<Double> months = number(root, "horizonMonths");
        if (count.isPresent() && median.isPresent() && spread.isPresent() && months.isPresent()) {
            double patients = count.get() * median.get() * StrictMath.exp(spread.get() * spread.get() / 2) * months.get();
            if (patients > MAX_PATIENTS_PER_ARM) {
                double most = MAX_PATIENTS_PER_ARM / (count.get() * StrictMath.exp(spread.get() * spread.get() / 2)
                        * months.get());
                fail(root, "sites.volume.median", Numbers.plain(median.get()) + " patients per site-month make "
                        + String.format(java.util.Locale.ROOT, "%.3g", patients) + " patients per run and arm ("
                        + "sites.count × median × exp(spread²/2) × horizonMonths), more than the limit of 1e9 (valid: "
                        + "a median of at most " + String.format(java.util.Locale.ROOT, "%.4g", most) + " with these sites, "
                        + "spread and horizon)");
            }
        }
        Optional<Double> practices = number(root, "practices.count");
        Optional<Double> interactions = number(root, "practices.interactions");
        if (practices.isPresent() && interactions.isPresent() && interactions.get() > practices.get() - 1) {
            int most = (int) (practices.get() - 1);
            fail(root, "practices.interactions", Numbers.plain(interactions.get())
                    + " is more than practices.count − 1 = " + most + " (valid: [0, " + most + "])");
        }
        Optional<Double> start = number(root, "startMonth");
        Optional<Double> horizon = number(root, "horizonMonths");
        if (start.isPresent() && horizon.isPresent() && horizon.get() < start.get() + 12) {
            int least = (int) (start.get() + 12);
            double most = ScenarioSchema.key("horizonMonths").orElseThrow().max();
            fail(root, "horizonMonths", Numbers.plain(horizon.get()) + " leaves no collaborative year after startMonth "
                    + Numbers.plain(start.get()) + " (valid: [" + least + ", " + Numbers.plain(most) + "])");
        }
        double sum = 0;
        boolean complete = true;
        List<String> shares = new ArrayList<>();
        for (KeySpec share : ScenarioSchema.keysUnder("sites.gamingTypes")) {
            Optional<Double> value = number(root, share.path());
            complete &= value.isPresent();
            sum += value.orElse(0.0);
            shares.add(share.path().substring("sites.gamingTypes.".length()));
        }
        if (complete && Math.abs(sum - 1) > GAMING_TYPES_TOLERANCE) {
            problems.error(root.at("sites.gamingTypes").location(), "sites.gamingTypes",
                    "the shares sum to " + Numbers.plain(sum) + ", not 1 (valid: " + String.join(" + ", shares)
                            + " = 1 ± 1e-9)");
        }
    }

    private void fail(MapNode root, String path, String message) {
        markInvalid(path);
        problems.error(root.at(path).location(), path, message);
    }

    /** {@code schedule}: a list of {fromMonth, set: {collaborative.* path: value}} (MODEL.md §3, §8). */
    private void schedule(MapNode root) {
        if (!(root.get("schedule") instanceof ListNode list)) {
            return; // a non-list was reported as a type error
        }
        Optional<Double> horizon = number(root, "horizonMonths");
        Double lastMonth = horizon.map(h -> h - 1).orElse(null);
        KeySpec fromMonthSpec = new KeySpec("fromMonth", ValueType.INTEGER, 0.0, lastMonth, false, false, false,
                List.of(), null, "");
        for (int i = 0; i < list.items().size(); i++) {
            String path = "schedule[" + i + "]";
            Node item = list.items().get(i);
            if (!(item instanceof MapNode entry)) {
                problems.error(item.location(), path, "expected a mapping {fromMonth: month, set: {key: value}}, got "
                        + item.describe());
                continue;
            }
            for (MapNode.Entry key : entry.entries().values()) {
                if (!key.key().equals("fromMonth") && !key.key().equals("set")) {
                    problems.error(key.keyLocation(), path + "." + key.key(), "unknown key \"" + key.key() + "\""
                            + DidYouMean.phrase(DidYouMean.among(key.key(), List.of("fromMonth", "set")))
                            + " (valid: fromMonth, set)");
                }
            }
            Node fromMonth = entry.get("fromMonth");
            if (fromMonth == null) {
                problems.error(entry.location(), path, "missing fromMonth (valid: an integer in "
                        + fromMonthSpec.interval() + ")");
            } else {
                Optional<String> problem = fromMonth instanceof ScalarNode scalar
                        ? fromMonthSpec.check(scalar.value())
                        : fromMonthSpec.check(List.of());
                problem.ifPresent(m -> problems.error(fromMonth.location(), path + ".fromMonth", m));
            }
            Node set = entry.get("set");
            if (set == null) {
                problems.error(entry.location(), path, "missing set (valid: a mapping of collaborative.* keys to values)");
            } else if (!(set instanceof MapNode settings)) {
                problems.error(set.location(), path + ".set", "expected a mapping of collaborative.* keys to values, got "
                        + set.describe());
            } else if (settings.entries().isEmpty()) {
                problems.error(set.location(), path + ".set", "sets nothing (valid: a mapping of collaborative.* keys to values)");
            } else {
                for (MapNode.Entry setting : settings.entries().values()) {
                    scheduledSetting(path + ".set", setting);
                }
            }
        }
    }

    private void scheduledSetting(String setPath, MapNode.Entry setting) {
        String key = setting.key();
        String path = setPath + "." + key;
        Optional<KeySpec> spec = ScenarioSchema.key(key);
        if (spec.isEmpty()) {
            if (ScenarioSchema.isSection(key)) {
                List<KeySpec> keys = ScenarioSchema.keysUnder(key);
                problems.error(setting.keyLocation(), path, key + " is a section; schedule sets one key at a time"
                        + " (valid: keys such as " + keys.get(0).path() + ")");
            } else {
                List<String> near = new ArrayList<>();
                for (String suggestion : ScenarioSchema.suggest(key)) {
                    if (suggestion.startsWith("collaborative.") && ScenarioSchema.key(suggestion).isPresent()) {
                        near.add(suggestion);
                    }
                }
                problems.error(setting.keyLocation(), path, "unknown key \"" + key + "\"" + DidYouMean.phrase(near)
                        + " (valid: collaborative.* keys written in full, e.g. collaborative.feedback.display)");
            }
            return;
        }
        if (!key.startsWith("collaborative.")) {
            problems.error(setting.keyLocation(), path, "schedule may set only collaborative.* keys; " + key
                    + " belongs to the world, which stays fixed for a run (MODEL.md §3)");
            return;
        }
        Node value = setting.value();
        Optional<String> problem = value instanceof ScalarNode scalar
                ? spec.get().check(scalar.value())
                : spec.get().check(value instanceof MapNode ? Map.of() : List.of());
        problem.ifPresent(m -> problems.error(value.location(), path, m));
    }
}
