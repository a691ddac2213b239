package org.qicsim.experiment.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.InputFile;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.SettingsBlock;
import org.qicsim.scenario.ValueType;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.Numbers;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * The calibration file's pipeline, as the experiment file's: parse into a located tree; check every
 * key in one pass, collecting all problems (unknown keys with a did-you-mean, parameter paths
 * against the scenario schema, prior ranges against the keys' ranges, metric names, pattern ids
 * and their set); then load every target's scenario at the corners of the prior box, relocating
 * its problems to the calibration file's lines.
 */
final class CalibrationParser {

    static final List<String> KEYS = List.of("description", "scenario", "set", "parameters", "targets", "patterns",
            "method", "budget", "seed", "replicates");
    private static final List<String> METHOD_KEYS = List.of("type", "particles", "quantile", "generations",
            "minAcceptanceRate", "batch");
    private static final List<String> METHODS = List.of("abcSmc", "historyMatching");
    private static final List<String> HISTORY_MATCHING_KEYS = List.of("type", "waves", "points", "repeats", "cutoff",
            "implausibility", "observationSd", "discrepancy", "minShrink", "samples", "kernel", "mean", "batch");
    private static final List<String> PRIORS = List.of("uniform", "logUniform");
    private static final List<String> TARGET_KEYS = List.of("pattern", "scenario", "set", "metrics", "replicates",
            "signTarget");
    private static final List<String> METRIC_KEYS = List.of("observed", "scale");
    /** The {@code set:} values of a pattern file (PATTERNS.md: the two sets are never mixed). */
    static final List<String> PATTERN_SETS = List.of("calibration", "validation");

    private final Path file;
    private final String display;
    private final Problems problems = new Problems();
    private final Map<String, Location> origins = new LinkedHashMap<>();

    private final PatternTargets patternTargets;
    /** The history-matching settings when the file asks for that method, else null. */
    private HistoryMatching.Settings historyMatching;

    private CalibrationParser(Path file, PatternTargets patternTargets) {
        this.file = file;
        this.display = file.normalize().toString();
        this.patternTargets = patternTargets;
    }

    static CalibrationFile load(Path file, PatternTargets patternTargets) throws ScenarioException {
        return new CalibrationParser(file, patternTargets).load();
    }

    /** A metrics target before its scenario is loaded. */
    private record MetricsSpec(String id, Path scenario, Node node, List<KeyOverride> settings, List<String> metrics,
            double[] observed, double[] scales, OptionalInt replicates) {
    }

    private CalibrationFile load() throws ScenarioException {
        MapNode root = parse(file, display, "a calibration file");
        for (MapNode.Entry e : root.entries().values()) {
            if (!KEYS.contains(e.key())) {
                problems.error(e.keyLocation(), e.key(), "unknown key \"" + e.key() + "\""
                        + DidYouMean.phrase(DidYouMean.among(e.key(), KEYS)) + " (valid: " + String.join(", ", KEYS) + ")");
            }
        }
        if (root.has("description") && !(root.get("description") instanceof ScalarNode d && d.value() instanceof String)) {
            problems.error(root.get("description").location(), "description", "expected a string, got "
                    + root.get("description").describe());
        }
        Path scenario = path(root, "scenario", true, "the path of the base scenario file, relative to this file");
        List<KeyOverride> fixed = settings(root.get("set"), "set");
        List<Prior> priors = priors(root, fixed);
        long seed = integer(root, "seed", 1, Long.MAX_VALUE, 20231201L);
        int replicates = (int) integer(root, "replicates", 1, 10_000, 4L);
        AbcSmc.Settings settings = method(root, priors.size());
        long budget = budget(root);
        Path patterns = root.has("patterns") ? path(root, "patterns", false, "a folder of pattern files") : null;
        List<Object> targetSpecs = targets(root, scenario, priors, patterns);
        problems.throwIfErrors();

        List<CalibrationTarget> targets = new ArrayList<>();
        List<String> resolvedTargets = new ArrayList<>();
        for (Object spec : targetSpecs) {
            if (spec instanceof MetricsSpec m) {
                List<KeyOverride> all = new ArrayList<>(fixed);
                all.addAll(m.settings());
                MetricsTarget target = new MetricsTarget(m.id(), m.scenario(), all, m.metrics(), m.observed(), m.scales(),
                        m.replicates().orElse(replicates));
                ResolvedScenario base = checkCorners(target, priors, m.node());
                targets.add(target);
                resolvedTargets.add(resolvedMetrics(m, base)
                        + ownLine("replicates", m.replicates().isPresent(), String.valueOf(m.replicates().orElse(0))));
            } else {
                PatternSpec p = (PatternSpec) spec;
                Optional<CalibrationTarget> evaluator;
                try {
                    evaluator = patternTargets.evaluator(p.id(), p.file(), p.replicates().orElse(replicates),
                            p.signTarget().orElse(PatternTargets.DEFAULT_SIGN_TARGET));
                } catch (ScenarioException e) {
                    e.problems().forEach(problems::add);
                    continue;
                }
                if (evaluator.isEmpty()) {
                    problems.error(p.node().location(), "targets", "pattern " + p.id() + " is in the calibration set, "
                            + "but it cannot be evaluated here: it is not a simulated review today's model can express, "
                            + "or this build has no pattern runner (valid: metrics targets and expressible review "
                            + "patterns; see docs/CALIBRATION.md)");
                    continue;
                }
                targets.add(evaluator.get());
                resolvedTargets.add("  - pattern: " + p.id() + "\n    patternFile: "
                        + quote(relative(p.file())) + "\n    patternSha256: "
                        + sha256(read(p.file())) + "\n"
                        + ownLine("replicates", p.replicates().isPresent(), String.valueOf(p.replicates().orElse(0)))
                        + ownLine("signTarget", p.signTarget().isPresent(), Numbers.yaml(p.signTarget().orElse(0))));
            }
        }
        problems.throwIfErrors();
        String resolved = resolvedYaml(priors, resolvedTargets, settings, budget, seed, replicates);
        return new CalibrationFile(file, priors, targets, settings, budget, seed, replicates, resolved, sha256(resolved),
                historyMatching);
    }

    /** Loads the target's scenario at the prior box's lower and upper corners: a bad combination is reported now. */
    private ResolvedScenario checkCorners(MetricsTarget target, List<Prior> priors, Node node) throws ScenarioException {
        ResolvedScenario base;
        try {
            base = ScenarioLoader.load(target.scenarioFile(), target.settings());
            for (double u : new double[] {0, 1}) {
                List<KeyOverride> corner = new ArrayList<>();
                for (Prior p : priors) {
                    KeyOverride o = Parameters.override(p, p.value(u), display + " parameters " + p.path());
                    corner.add(o);
                }
                target.scenario(corner);
            }
        } catch (ScenarioException e) {
            throw e.relocated(origins, " [target " + target.id() + " at " + node.location().format() + "]");
        }
        return base;
    }

    static MapNode parse(Path file, String display, String what) throws ScenarioException {
        Node root = InputFile.parse(file, display, what);
        if (!(root instanceof MapNode map)) {
            throw new ScenarioException(Problem.error(root.location(), "", what + " is a mapping of keys, not "
                    + root.describe()));
        }
        return map;
    }

    private Path path(MapNode map, String key, boolean required, String valid) {
        Node node = map.get(key);
        if (node == null) {
            if (required) {
                problems.error(map.location(), key, "missing " + key + " (valid: " + valid + ")");
            }
            return null;
        }
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof String text) || text.isBlank()) {
            problems.error(node.location(), key, "expected " + valid + ", got " + node.describe());
            return null;
        }
        Path parent = file.getParent();
        Path path = parent == null ? Path.of(text) : parent.resolve(text);
        boolean exists = key.equals("patterns") ? Files.isDirectory(path) : Files.isRegularFile(path);
        if (!exists) {
            problems.error(node.location(), key, (key.equals("patterns") ? "folder" : "file") + " not found: "
                    + path.normalize() + " (valid: " + valid + ")");
            return null;
        }
        return path;
    }

    private long integer(MapNode map, String key, long min, long max, long otherwise) {
        return integer(map, "", key, min, max, otherwise);
    }

    private long integer(MapNode map, String prefix, String key, long min, long max, long otherwise) {
        Node node = map.get(key);
        if (node == null) {
            return otherwise;
        }
        if (node instanceof ScalarNode s && s.value() instanceof Long v && v >= min && v <= max) {
            return v;
        }
        problems.error(node.location(), prefix + key, "expected an integer in [" + min + ", " + max + "], got "
                + node.describe());
        return otherwise;
    }

    private double number(MapNode map, String prefix, String key, double min, double max, double otherwise) {
        Node node = map.get(key);
        if (node == null) {
            return otherwise;
        }
        if (node instanceof ScalarNode s && s.value() instanceof Number v && v.doubleValue() >= min
                && v.doubleValue() <= max) {
            return v.doubleValue();
        }
        problems.error(node.location(), prefix + key, "expected a number in [" + Numbers.plain(min) + ", "
                + Numbers.plain(max) + "], got " + node.describe());
        return otherwise;
    }

    /** Fixed scenario settings ({@code set:} at the top or in a target), parsed as an experiment's are. */
    private List<KeyOverride> settings(Node node, String prefix) {
        return SettingsBlock.parse(node, prefix, Map.of(),
                (path, at) -> display + " " + prefix + " " + path + " @" + at.line(), problems, origins);
    }

    private List<Prior> priors(MapNode root, List<KeyOverride> fixed) {
        List<Prior> out = new ArrayList<>();
        Node node = root.get("parameters");
        if (node == null) {
            problems.error(root.location(), "parameters", "missing parameters (valid: a mapping of scenario key paths to "
                    + "priors, e.g. practices.effectOddsRatio: {uniform: [0.3, 0.7]})");
            return out;
        }
        if (!(node instanceof MapNode map) || map.entries().isEmpty()) {
            problems.error(node.location(), "parameters", "expected a mapping of scenario key paths to priors, got "
                    + (node instanceof MapNode ? "an empty mapping" : node.describe()));
            return out;
        }
        for (MapNode.Entry e : map.entries().values()) {
            String path = e.key();
            Optional<KeySpec> spec = ScenarioSchema.key(path);
            if (spec.isEmpty()) {
                problems.error(e.keyLocation(), "parameters." + path, "\"" + path + "\" is not a scenario key"
                        + DidYouMean.phrase(ScenarioSchema.suggest(path))
                        + " (valid: a dotted key path, as listed by qicsim schema --list)");
                continue;
            }
            if (spec.get().type() != ValueType.NUMBER) {
                problems.error(e.keyLocation(), "parameters." + path, path + " is " + spec.get().type().expected()
                        + " key (valid: keys that take a number)");
                continue;
            }
            if (fixed.stream().anyMatch(o -> o.path().equals(path))) {
                problems.error(e.keyLocation(), "parameters." + path, path + " is also under set; a key is either "
                        + "fixed or calibrated");
                continue;
            }
            Prior prior = prior(path, e.value(), spec.get());
            if (prior != null) {
                origins.put(display + " parameters " + path, e.keyLocation());
                out.add(prior);
            }
        }
        return out;
    }

    private Prior prior(String path, Node node, KeySpec spec) {
        String where = "parameters." + path;
        String kind = "uniform";
        Node range = node;
        if (node instanceof MapNode m) {
            if (m.entries().size() != 1 || !PRIORS.contains(m.keys().get(0))) {
                String key = m.keys().isEmpty() ? "" : m.keys().get(0);
                problems.error(m.entries().isEmpty() ? m.location() : m.entry(key).keyLocation(), where,
                        "expected one prior" + (key.isEmpty() || PRIORS.contains(key) ? "" : ", got \"" + key + "\""
                        + DidYouMean.phrase(DidYouMean.among(key, PRIORS))) + " (valid: uniform: [low, high] or "
                        + "logUniform: [low, high])");
                return null;
            }
            kind = m.keys().get(0);
            range = m.get(kind);
        }
        if (!(range instanceof ListNode list) || list.items().size() != 2
                || !(list.items().get(0) instanceof ScalarNode a && a.value() instanceof Number low)
                || !(list.items().get(1) instanceof ScalarNode b && b.value() instanceof Number high)) {
            problems.error(range.location(), where, "expected a range [low, high] of two numbers, got " + range.describe()
                    + " (valid: [low, high], uniform: [low, high] or logUniform: [low, high])");
            return null;
        }
        double lo = low.doubleValue();
        double hi = high.doubleValue();
        boolean ok = true;
        for (int i = 0; i < 2; i++) {
            Optional<String> wrong = spec.check(i == 0 ? lo : hi);
            if (wrong.isPresent()) {
                problems.error(list.items().get(i).location(), where, "the prior's " + (i == 0 ? "low" : "high")
                        + " end is not a valid value: " + wrong.get());
                ok = false;
            }
        }
        if (ok && !(lo < hi)) {
            problems.error(list.location(), where, "expected low < high, got [" + Numbers.plain(lo) + ", "
                    + Numbers.plain(hi) + "]");
            ok = false;
        }
        if (ok && kind.equals("logUniform") && !(lo > 0)) {
            problems.error(list.items().get(0).location(), where, "a logUniform prior needs low > 0, got "
                    + Numbers.plain(lo));
            ok = false;
        }
        return ok ? new Prior(path, kind.equals("logUniform") ? Prior.Kind.LOG_UNIFORM : Prior.Kind.UNIFORM, lo, hi)
                : null;
    }

    private AbcSmc.Settings method(MapNode root, int dimensions) {
        AbcSmc.Settings defaults = AbcSmc.Settings.defaults();
        Node node = root.get("method");
        if (node == null) {
            return defaults;
        }
        if (!(node instanceof MapNode map)) {
            problems.error(node.location(), "method", "expected a mapping {type: abcSmc, particles, quantile, "
                    + "generations, minAcceptanceRate, batch}, got " + node.describe());
            return defaults;
        }
        if (map.get("type") instanceof ScalarNode t && "historyMatching".equals(t.value())) {
            historyMatching = historyMatching(map, dimensions);
            return defaults;
        }
        for (MapNode.Entry e : map.entries().values()) {
            if (!METHOD_KEYS.contains(e.key())) {
                problems.error(e.keyLocation(), "method." + e.key(), "unknown key \"" + e.key() + "\""
                        + DidYouMean.phrase(DidYouMean.among(e.key(), METHOD_KEYS)) + " (valid: "
                        + String.join(", ", METHOD_KEYS) + ")");
            }
        }
        Node type = map.get("type");
        if (type != null && !(type instanceof ScalarNode s && METHODS.contains(s.value()))) {
            String given = type instanceof ScalarNode s && s.value() instanceof String t ? t : null;
            problems.error(type.location(), "method.type", "unknown method " + (given == null ? type.describe()
                    : "\"" + given + "\"" + DidYouMean.phrase(DidYouMean.among(given, METHODS))) + " (valid: "
                    + String.join(", ", METHODS) + ")");
        }
        int particles = (int) integer(map, "particles", 10, 100_000, defaults.particles());
        double quantile = number(map, "method.", "quantile", 0.05, 0.95, defaults.quantile());
        int generations = (int) integer(map, "generations", 1, 1000, defaults.generations());
        double minAcceptance = number(map, "method.", "minAcceptanceRate", 0, 1, defaults.minAcceptanceRate());
        int batch = (int) integer(map, "batch", 1, 100_000, particles);
        return new AbcSmc.Settings(particles, quantile, generations, minAcceptance, batch);
    }

    /** {@code method: {type: historyMatching, ...}} (docs/CALIBRATION.md, "History matching"). */
    private HistoryMatching.Settings historyMatching(MapNode map, int dimensions) {
        HistoryMatching.Settings defaults = HistoryMatching.Settings.defaults(dimensions);
        for (MapNode.Entry e : map.entries().values()) {
            if (!HISTORY_MATCHING_KEYS.contains(e.key())) {
                problems.error(e.keyLocation(), "method." + e.key(), "unknown key \"" + e.key() + "\" of method "
                        + "historyMatching" + DidYouMean.phrase(DidYouMean.among(e.key(), HISTORY_MATCHING_KEYS))
                        + " (valid: " + String.join(", ", HISTORY_MATCHING_KEYS) + ")");
            }
        }
        int waves = (int) integer(map, "waves", 1, 100, defaults.waves());
        int points = (int) integer(map, "points", Math.max(5, dimensions + 4), 5_000, defaults.points());
        int repeats = (int) integer(map, "repeats", 2, 100, defaults.repeats());
        double cutoff = number(map, "method.", "cutoff", 0.5, 10, defaults.cutoff());
        HistoryMatching.Rank rank = choice(map, "implausibility", HistoryMatching.Rank.values(),
                HistoryMatching.Rank::yamlName, defaults.implausibility());
        double observationSd = number(map, "method.", "observationSd", 0, 100, defaults.observationSd());
        double discrepancy = number(map, "method.", "discrepancy", 0, 100, defaults.discrepancy());
        double minShrink = number(map, "method.", "minShrink", 0, 1, defaults.minShrink());
        int samples = (int) integer(map, "samples", 10, 1_000_000, defaults.samples());
        GaussianProcess.Kernel kernel = choice(map, "kernel", GaussianProcess.Kernel.values(),
                GaussianProcess.Kernel::yamlName, defaults.kernel());
        GaussianProcess.Mean mean = choice(map, "mean", GaussianProcess.Mean.values(), GaussianProcess.Mean::yamlName,
                defaults.mean());
        int batch = (int) integer(map, "batch", 1, 1_000_000, points);
        return new HistoryMatching.Settings(waves, points, repeats, cutoff, rank, observationSd, discrepancy, minShrink, samples, kernel,
                mean, batch);
    }

    /** A named choice of {@code method:}, with a did-you-mean for an unknown value. */
    private <E> E choice(MapNode map, String key, E[] values, java.util.function.Function<E, String> name, E otherwise) {
        Node node = map.get(key);
        if (node == null) {
            return otherwise;
        }
        List<String> names = new ArrayList<>();
        for (E v : values) {
            names.add(name.apply(v));
            if (node instanceof ScalarNode s && name.apply(v).equals(s.value())) {
                return v;
            }
        }
        String given = node instanceof ScalarNode s && s.value() instanceof String t ? t : null;
        problems.error(node.location(), "method." + key, "unknown " + key + " " + (given == null ? node.describe()
                : "\"" + given + "\"" + DidYouMean.phrase(DidYouMean.among(given, names))) + " (valid: "
                + String.join(", ", names) + ")");
        return otherwise;
    }

    private long budget(MapNode root) {
        Node node = root.get("budget");
        if (node == null) {
            problems.error(root.location(), "budget", "missing budget (valid: {runs: N}, the most model runs to spend)");
            return 0;
        }
        if (!(node instanceof MapNode map) || !map.has("runs") || map.entries().size() != 1) {
            problems.error(node.location(), "budget", "expected {runs: N}, the most model runs to spend, got "
                    + node.describe() + (node instanceof MapNode m ? " with keys " + m.keys() : ""));
            return 0;
        }
        return integer(map, "runs", 1, Long.MAX_VALUE, 0);
    }

    /** A pattern target before its evaluator is looked up. */
    private record PatternSpec(String id, Path file, Node node, OptionalInt replicates, OptionalDouble signTarget) {
    }

    /**
     * A review target's own {@code signTarget:}, the t-value each of its moderators' signs is matched
     * to (default {@code ReviewTarget}'s 3; docs/CALIBRATION.md "Moderator signs"). Written into the
     * resolved form only when given.
     */
    private OptionalDouble signTarget(MapNode target, int k) {
        // A bad value is reported here and the file refused before any evaluator is built.
        return target.has("signTarget") ? OptionalDouble.of(number(target, "targets[" + k + "].", "signTarget", 1, 10,
                PatternTargets.DEFAULT_SIGN_TARGET)) : OptionalDouble.empty();
    }

    /**
     * A target's own {@code replicates:} (trials of a review, or runs of a metrics target, per
     * evaluation), overriding the file's for that target only. Written into the resolved form only
     * when given, so a calibration without one keeps its resolved form, and its folder still matches.
     */
    private OptionalInt targetReplicates(MapNode target, int k) {
        return target.has("replicates") ? OptionalInt.of((int) integer(target, "targets[" + k + "].", "replicates", 1,
                10_000, 1L)) : OptionalInt.empty();
    }

    /** A target's own setting as a line of its resolved form, or nothing when the file did not give it. */
    private static String ownLine(String key, boolean given, String value) {
        return given ? "    " + key + ": " + value + "\n" : "";
    }

    private List<Object> targets(MapNode root, Path scenario, List<Prior> priors, Path patternsDir) {
        List<Object> out = new ArrayList<>();
        Node node = root.get("targets");
        if (node == null) {
            problems.error(root.location(), "targets", "missing targets (valid: a list of {pattern: ID} or "
                    + "{metrics: {...}} items)");
            return out;
        }
        if (!(node instanceof ListNode list) || list.items().isEmpty()) {
            problems.error(node.location(), "targets", "expected a list of {pattern: ID} or {metrics: {...}} items, got "
                    + (node instanceof ListNode ? "an empty list" : node.describe()));
            return out;
        }
        int k = 0;
        for (Node item : list.items()) {
            k++;
            if (!(item instanceof MapNode map)) {
                problems.error(item.location(), "targets", "expected {pattern: ID} or {metrics: {...}}, got "
                        + item.describe());
                continue;
            }
            for (MapNode.Entry e : map.entries().values()) {
                if (!TARGET_KEYS.contains(e.key())) {
                    problems.error(e.keyLocation(), "targets." + e.key(), "unknown key \"" + e.key() + "\""
                            + DidYouMean.phrase(DidYouMean.among(e.key(), TARGET_KEYS)) + " (valid: pattern, with optional "
                            + "signTarget; or metrics with optional scenario and set; either with optional replicates)");
                }
            }
            if (map.has("pattern")) {
                if (map.has("metrics") || map.has("scenario") || map.has("set")) {
                    problems.error(map.location(), "targets", "a pattern target takes only pattern: ID and optional "
                            + "replicates and signTarget (its scenario and criterion are in the pattern file)");
                }
                PatternSpec p = pattern(map.get("pattern"), patternsDir, targetReplicates(map, k), signTarget(map, k));
                if (p != null) {
                    out.add(p);
                }
            } else if (map.has("metrics")) {
                Path targetScenario = map.has("scenario")
                        ? path(map, "scenario", true, "the path of a scenario file, relative to this file") : scenario;
                List<KeyOverride> set = settings(map.get("set"), "targets[" + k + "].set");
                for (KeyOverride o : set) {
                    if (priors.stream().anyMatch(p -> p.path().equals(o.path()))) {
                        problems.error(origins.get(o.origin()), "targets[" + k + "].set." + o.path(), o.path()
                                + " is a calibrated parameter; it cannot also be set in a target");
                    }
                }
                OptionalInt own = targetReplicates(map, k);
                if (map.has("signTarget")) {
                    problems.error(map.get("signTarget").location(), "targets[" + k + "].signTarget", "signTarget "
                            + "is the t-value a review's moderator signs are matched to: it goes with a pattern "
                            + "target, not a metrics one");
                }
                MetricsSpec m = metrics(map.get("metrics"), "metrics " + k, targetScenario, map, set, own);
                if (m != null && targetScenario != null) {
                    out.add(m);
                }
            } else {
                problems.error(map.location(), "targets", "a target needs pattern: ID or metrics: {...}");
            }
        }
        return out;
    }

    private MetricsSpec metrics(Node node, String id, Path scenario, MapNode target, List<KeyOverride> set,
            OptionalInt replicates) {
        if (!(node instanceof MapNode map) || map.entries().isEmpty()) {
            problems.error(node.location(), "metrics", "expected a mapping of run metrics to {observed, scale}, got "
                    + (node instanceof MapNode ? "an empty mapping" : node.describe()));
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Double> observed = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (MapNode.Entry e : map.entries().values()) {
            String metric = e.key();
            if (!RunResult.METRICS.contains(metric)) {
                problems.error(e.keyLocation(), "metrics." + metric, "unknown run metric \"" + metric + "\""
                        + DidYouMean.phrase(DidYouMean.among(metric, RunResult.METRICS)) + " (valid: "
                        + String.join(", ", RunResult.METRICS) + ")");
                continue;
            }
            if (!(e.value() instanceof MapNode values)) {
                problems.error(e.value().location(), "metrics." + metric, "expected {observed: X, scale: S}, got "
                        + e.value().describe());
                continue;
            }
            for (MapNode.Entry v : values.entries().values()) {
                if (!METRIC_KEYS.contains(v.key())) {
                    problems.error(v.keyLocation(), "metrics." + metric + "." + v.key(), "unknown key \"" + v.key()
                            + "\"" + DidYouMean.phrase(DidYouMean.among(v.key(), METRIC_KEYS)) + " (valid: observed, scale)");
                }
            }
            Double obs = required(values, "metrics." + metric, "observed", false);
            Double scale = required(values, "metrics." + metric, "scale", true);
            if (obs != null && scale != null) {
                names.add(metric);
                observed.add(obs);
                scales.add(scale);
            }
        }
        if (names.size() != map.entries().size()) {
            return null;
        }
        return new MetricsSpec(id, scenario, target, set, names, observed.stream().mapToDouble(d -> d).toArray(),
                scales.stream().mapToDouble(d -> d).toArray(), replicates);
    }

    private Double required(MapNode map, String prefix, String key, boolean positive) {
        Node node = map.get(key);
        if (node == null) {
            problems.error(map.location(), prefix, "missing " + key + (positive ? " (valid: a number > 0, the size of "
                    + "a difference that counts as one unit of distance)" : " (valid: a number)"));
            return null;
        }
        if (node instanceof ScalarNode s && s.value() instanceof Number v && Double.isFinite(v.doubleValue())
                && (!positive || v.doubleValue() > 0)) {
            return v.doubleValue();
        }
        problems.error(node.location(), prefix + "." + key, "expected " + (positive ? "a number > 0" : "a number")
                + ", got " + node.describe());
        return null;
    }

    /**
     * A pattern target: the id must name a pattern file, whose top-level {@code set:} must say
     * {@code calibration}. A validation pattern is refused here, at the line naming it: the
     * collaborative targets are predicted, never fitted (PATTERNS.md).
     */
    private PatternSpec pattern(Node node, Path patternsDir, OptionalInt replicates, OptionalDouble signTarget) {
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof String id) || id.isBlank()) {
            problems.error(node.location(), "targets.pattern", "expected a pattern id such as C1, got " + node.describe());
            return null;
        }
        Path dir = patternsDir != null ? patternsDir : defaultPatternsDir();
        Path patternFile = dir.resolve(id + ".yaml");
        if (!Files.isRegularFile(patternFile)) {
            List<String> known = patternIds(dir);
            problems.error(node.location(), "targets.pattern", "no pattern file " + patternFile.normalize()
                    + DidYouMean.phrase(DidYouMean.among(id, known)) + " (valid: "
                    + (known.isEmpty() ? "ids of files <id>.yaml in " + dir.normalize() + ", which has none"
                    : String.join(", ", known)) + ")");
            return null;
        }
        String patternDisplay = patternFile.normalize().toString();
        MapNode pattern;
        try {
            pattern = parse(patternFile, patternDisplay, "a pattern file");
        } catch (ScenarioException e) {
            e.problems().forEach(problems::add);
            return null;
        }
        Node set = pattern.get("set");
        String value = set instanceof ScalarNode v && v.value() instanceof String t ? t : null;
        if (set == null || value == null || !PATTERN_SETS.contains(value)) {
            problems.error(set == null ? pattern.location() : set.location(), "set", (set == null ? "missing set"
                    : "unknown set " + (value == null ? set.describe() : "\"" + value + "\""
                    + DidYouMean.phrase(DidYouMean.among(value, PATTERN_SETS)))) + " (valid: calibration, validation)");
            return null;
        }
        if (value.equals("validation")) {
            problems.error(node.location(), "targets.pattern", "pattern " + id + " is in the validation set ("
                    + set.location().format() + ": set: validation) and is never fitted: collaborative patterns are "
                    + "predicted from the calibrated components and judged by qicsim patterns (valid: calibration-set "
                    + "patterns, e.g. C1 to C6)");
            return null;
        }
        return new PatternSpec(id, patternFile, node, replicates, signTarget);
    }

    /** {@code scenarios/patterns/}, found as {@code ../patterns} from a calibration file in {@code scenarios/calibration/}. */
    private Path defaultPatternsDir() {
        Path parent = file.toAbsolutePath().getParent();
        Path up = parent.getParent();
        return (up == null ? parent : up).resolve("patterns");
    }

    private static List<String> patternIds(Path dir) {
        TreeSet<String> ids = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    ids.add(name.substring(0, name.length() - ".yaml".length()));
                }
            } catch (IOException e) {
                // Only for the hint.
            }
        }
        return new ArrayList<>(ids);
    }

    private String resolvedMetrics(MetricsSpec m, ResolvedScenario base) {
        StringBuilder out = new StringBuilder("  - metrics:\n");
        for (int i = 0; i < m.metrics().size(); i++) {
            out.append("      ").append(m.metrics().get(i)).append(": {observed: ").append(Numbers.yaml(m.observed()[i]))
                    .append(", scale: ").append(Numbers.yaml(m.scales()[i])).append("}\n");
        }
        out.append("    scenario: ").append(quote(relative(m.scenario()))).append('\n');
        if (!m.settings().isEmpty()) {
            out.append("    set:\n");
            for (KeyOverride o : m.settings()) {
                out.append("      ").append(o.path()).append(": ").append(o.valueYaml()).append('\n');
            }
        }
        out.append("    scenarioSha256: ").append(base.sha256()).append('\n');
        return out.toString();
    }

    private String resolvedYaml(List<Prior> priors, List<String> targets, AbcSmc.Settings s, long budget, long seed,
            int replicates) {
        StringBuilder out = new StringBuilder();
        out.append("# qicsim calibrate: the calibration as it ran (every default written out)\n");
        out.append("parameters:\n");
        for (Prior p : priors) {
            out.append("  ").append(p.path()).append(": {").append(p.kind().yamlName()).append(": [")
                    .append(Numbers.yaml(p.low())).append(", ").append(Numbers.yaml(p.high())).append("]}\n");
        }
        out.append("targets:\n");
        targets.forEach(out::append);
        HistoryMatching.Settings h = historyMatching;
        if (h != null) {
            out.append(String.format(Locale.ROOT, "method: {type: historyMatching, waves: %d, points: %d, repeats: %d, "
                    + "cutoff: %s, implausibility: %s, observationSd: %s, discrepancy: %s, minShrink: %s, samples: %d, kernel: %s, "
                    + "mean: %s, batch: %d}\n", h.waves(), h.points(), h.repeats(), Numbers.yaml(h.cutoff()),
                    h.implausibility().yamlName(), Numbers.yaml(h.observationSd()), Numbers.yaml(h.discrepancy()), Numbers.yaml(h.minShrink()),
                    h.samples(), h.kernel().yamlName(), h.mean().yamlName(), h.batch()));
        } else {
            out.append(String.format(Locale.ROOT, "method: {type: abcSmc, particles: %d, quantile: %s, generations: %d, "
                    + "minAcceptanceRate: %s, batch: %d}%n", s.particles(), Numbers.yaml(s.quantile()), s.generations(),
                    Numbers.yaml(s.minAcceptanceRate()), s.batch()).replace(System.lineSeparator(), "\n"));
        }
        out.append("budget: {runs: ").append(budget).append("}\n");
        out.append("seed: ").append(seed).append('\n');
        out.append("replicates: ").append(replicates).append('\n');
        return out.toString();
    }

    /**
     * A path relative to the calibration file's folder, with {@code /}: the canonical form does not
     * depend on the working directory or the machine.
     */
    private String relative(Path p) {
        Path base = file.toAbsolutePath().normalize().getParent();
        return base.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
