package org.qicsim.experiment.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.doe.Design;
import org.qicsim.experiment.doe.DesignException;
import org.qicsim.experiment.doe.DesignGenerator;
import org.qicsim.experiment.doe.DesignInputs;
import org.qicsim.experiment.doe.DesignKind;
import org.qicsim.experiment.doe.Factor;
import org.qicsim.experiment.doe.Grid;
import org.qicsim.experiment.doe.LatinHypercube;
import org.qicsim.experiment.doe.Morris;
import org.qicsim.experiment.doe.OneAtATime;
import org.qicsim.experiment.doe.Saltelli;
import org.qicsim.scenario.InputFile;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.KeySpec;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.RecordSchema;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.SettingsBlock;
import org.qicsim.scenario.ValueType;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * The experiment file's pipeline, the scenario loader's in small: parse into a located tree; check
 * every key in one pass, collecting all problems; then load the base scenario with the fixed
 * settings (its problems relocated to the experiment lines that caused them); then generate the
 * design, mapping a generator's {@link DesignException} back to the node of the factor or
 * parameter it blames.
 */
final class ExperimentParser {

    /** The experiment file's keys, types, ranges and defaults, as {@link ExperimentSchema} declares them. */
    private static final RecordSchema SCHEMA = ExperimentSchema.SCHEMA;
    static final List<String> KEYS = SCHEMA.names("");
    private static final List<String> DESIGN_TYPES = ExperimentSchema.key("design.type").enumValues();
    private static final int DEFAULT_MORRIS_LEVELS = (Integer) ExperimentSchema.key("design.levels").defaultValue();

    private final Path file;
    private final String display;
    private final Problems problems = new Problems();
    private final Map<String, Location> origins = new LinkedHashMap<>();

    private ExperimentParser(Path file) {
        this.file = file;
        this.display = file.normalize().toString();
    }

    static ExperimentFile load(Path file) throws ScenarioException {
        return new ExperimentParser(file).load();
    }

    private ExperimentFile load() throws ScenarioException {
        MapNode root = parse();
        SCHEMA.checkKeys(root, "", problems);
        for (String key : List.of("description", "scenarioHash")) {
            if (root.has(key)) {
                SCHEMA.checkValue(key, root.get(key), problems);
            }
        }
        Path scenario = scenario(root);
        Long seed = root.has("seed") ? (Long) scenarioValue(root, "seed") : null;
        Long replications = root.has("replications") ? (Long) scenarioValue(root, "replications") : null;
        boolean crn = bool(root, "", "commonRandomNumbers");
        List<KeyOverride> overrides = new ArrayList<>(SettingsBlock.parse(root.get("set"), "set",
                Map.of("seed", "is set at the top of the experiment file", "replications",
                        "is set at the top of the experiment file"),
                (path, at) -> display + " set " + path, problems, origins));
        List<FactorEntry> factors = factors(root, overrides);
        DesignChoice design = design(root);
        SweepOutputs outputs = outputs(root);
        problems.throwIfErrors();

        String origin = display + " ";
        if (seed != null) {
            overrides.add(override("seed", seed, origin + "seed", root.get("seed").location()));
        }
        if (replications != null) {
            overrides.add(override("replications", replications, origin + "replications",
                    root.get("replications").location()));
        }
        ResolvedScenario base;
        try {
            base = ScenarioLoader.load(scenario, overrides);
        } catch (ScenarioException e) {
            throw relocated(e, origins, "");
        }
        checkScenarioHash(root, base);
        long masterSeed = base.scenario().seed();
        int reps = base.scenario().replications();
        Design generated = generate(design, factors, base, masterSeed);
        if ((long) generated.size() * reps > Integer.MAX_VALUE) {
            Location at = root.has("replications") ? root.get("replications").location() : design.node().location();
            throw new ScenarioException(Problem.error(at, "design", generated.size() + " points × " + reps
                    + " replicates is more runs than one sweep holds (valid: at most " + Integer.MAX_VALUE + ")"));
        }
        String resolved = ExperimentYaml.write(base, masterSeed, reps, crn, factors, design.generator(), outputs);
        return new ExperimentFile(file, scenario, base, overrides, origins, masterSeed, reps, crn, factors,
                design.generator(), generated, outputs, resolved, sha256(resolved));
    }

    private MapNode parse() throws ScenarioException {
        Node root = InputFile.parse(file, display, "an experiment file");
        if (!(root instanceof MapNode map)) {
            throw new ScenarioException(Problem.error(root.location(), "", "an experiment file is a mapping of "
                    + "keys, not " + root.describe() + " (valid: " + String.join(", ", KEYS) + ")"));
        }
        return map;
    }

    /**
     * {@code scenarioHash}, which resolved experiments carry, pins the base scenario: a sweep is not
     * repeated over a scenario that has changed since.
     */
    private void checkScenarioHash(MapNode root, ResolvedScenario base) throws ScenarioException {
        Node node = root.get("scenarioHash");
        if (node == null) {
            return;
        }
        String expected = node instanceof ScalarNode s && s.value() instanceof String t ? t : null;
        if (!base.sha256().equals(expected)) {
            throw new ScenarioException(Problem.error(node.location(), "scenarioHash", "the base scenario resolves to "
                    + base.sha256() + ", not " + (expected == null ? node.describe() : expected)
                    + " (it changed since this experiment was resolved)"));
        }
    }

    private Path scenario(MapNode root) {
        Node node = root.get("scenario");
        if (node == null) {
            problems.error(root.location(), "scenario", "missing scenario (valid: the path of the base scenario "
                    + "file, relative to this file)");
            return null;
        }
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof String text) || text.isBlank()) {
            problems.error(node.location(), "scenario", "expected the path of a scenario file, got " + node.describe());
            return null;
        }
        Path parent = file.getParent();
        Path path;
        try {
            path = parent == null ? Path.of(text) : parent.resolve(text);
        } catch (java.nio.file.InvalidPathException e) {
            problems.error(node.location(), "scenario", "not a valid file path" + (text.indexOf('\0') >= 0
                    ? " (it holds a NUL character)" : ": " + e.getReason()));
            return null;
        }
        if (!Files.isRegularFile(path)) {
            problems.error(node.location(), "scenario", (Files.exists(path) ? "not a regular file: " : "file not found: ")
                    + path.normalize() + " (valid: a path relative to " + display + ")");
            return null;
        }
        return path;
    }

    /** A top-level key that is also a scenario key (seed, replications), checked by its spec. */
    private Object scenarioValue(MapNode root, String key) {
        Node node = root.get(key);
        KeySpec spec = ScenarioSchema.key(key).orElseThrow();
        Object value = node instanceof ScalarNode s ? s.value() : null;
        Optional<String> wrong = node instanceof ScalarNode ? spec.check(value) : Optional.of("expected "
                + spec.type().expected() + ", got " + node.describe() + " (valid: " + spec.validDescription() + ")");
        if (wrong.isPresent()) {
            problems.error(node.location(), key, wrong.get());
            return null;
        }
        return value instanceof Long ? value : null;
    }

    /** A boolean key of the experiment file ({@code prefix} its section's path and a dot), its default when absent or wrong. */
    private boolean bool(MapNode map, String prefix, String key) {
        String path = prefix + key;
        boolean otherwise = (Boolean) ExperimentSchema.key(path).defaultValue();
        Node node = map.get(key);
        if (node == null || !SCHEMA.checkValue(path, node, problems)) {
            return otherwise;
        }
        return (Boolean) ((ScalarNode) node).value();
    }

    private KeyOverride override(String path, Object value, String origin, Location at) {
        origins.put(origin, at);
        return KeyOverride.of(path, value, origin);
    }

    private List<FactorEntry> factors(MapNode root, List<KeyOverride> fixed) {
        List<FactorEntry> out = new ArrayList<>();
        Node node = root.get("factors");
        if (node == null) {
            problems.error(root.location(), "factors", "missing factors (valid: a mapping of key paths to "
                    + "values, ranges or distributions)");
            return out;
        }
        if (!(node instanceof MapNode map) || map.entries().isEmpty()) {
            problems.error(node.location(), "factors", "expected a mapping of key paths to values, ranges or "
                    + "distributions, got " + (node instanceof MapNode ? "an empty mapping" : node.describe()));
            return out;
        }
        FactorParser parser = new FactorParser(problems);
        for (MapNode.Entry e : map.entries().values()) {
            boolean alsoSet = fixed.stream().anyMatch(o -> o.path().equals(e.key()));
            if (alsoSet) {
                problems.error(e.keyLocation(), e.key(), e.key() + " is also under set; a key is either fixed or varied");
                continue;
            }
            FactorEntry f = parser.parse(e.key(), e.keyLocation(), e.value());
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** The design generator with the nodes of its parameters, for relocating its complaints. */
    private record DesignChoice(DesignGenerator generator, Node node, Map<String, Node> parameters) {
    }

    private DesignChoice design(MapNode root) {
        Node node = root.get("design");
        if (node == null) {
            problems.error(root.location(), "design", "missing design (valid: " + String.join(", ", DESIGN_TYPES) + ")");
            return null;
        }
        Map<String, Node> parameters = new LinkedHashMap<>();
        Node typeNode = node;
        if (node instanceof MapNode map) {
            typeNode = map.get("type");
            if (typeNode == null) {
                problems.error(map.location(), "design", "missing type (valid: " + String.join(", ", DESIGN_TYPES) + ")");
                return null;
            }
            for (MapNode.Entry e : map.entries().values()) {
                if (!e.key().equals("type")) {
                    parameters.put(e.key(), e.value());
                }
            }
        }
        String type = typeNode instanceof ScalarNode s && s.value() instanceof String t ? t : null;
        if (type == null || !DESIGN_TYPES.contains(type)) {
            problems.error(typeNode.location(), "design", "unknown design "
                    + (type == null ? typeNode.describe() : "\"" + type + "\"" + DidYouMean.phrase(DidYouMean.among(type, DESIGN_TYPES)))
                    + " (valid: " + String.join(", ", DESIGN_TYPES) + ")");
            return null;
        }
        List<String> allowed = switch (type) {
            case "lhs", "sobol" -> List.of("n");
            case "morris" -> List.of("r", "levels");
            default -> List.of();
        };
        boolean ok = true;
        for (Map.Entry<String, Node> p : parameters.entrySet()) {
            if (!allowed.contains(p.getKey())) {
                MapNode map = (MapNode) node;
                problems.error(map.entry(p.getKey()).keyLocation(), "design." + p.getKey(), "unknown key \""
                        + p.getKey() + "\" for a " + type + " design" + DidYouMean.phrase(DidYouMean.among(p.getKey(), allowed))
                        + " (valid: " + (allowed.isEmpty() ? "type only" : "type, " + String.join(", ", allowed)) + ")");
                ok = false;
            }
        }
        Integer n = allowed.contains("n") ? designInteger(node, parameters, "n", type, null) : null;
        Integer r = allowed.contains("r") ? designInteger(node, parameters, "r", type, null) : null;
        Integer levels = allowed.contains("levels") ? designInteger(node, parameters, "levels", type, DEFAULT_MORRIS_LEVELS) : null;
        if (!ok || (allowed.contains("n") && n == null) || (allowed.contains("r") && (r == null || levels == null))) {
            return null;
        }
        try {
            DesignGenerator generator = switch (type) {
                case "grid" -> new Grid();
                case "oneAtATime" -> new OneAtATime();
                case "lhs" -> new LatinHypercube(n);
                case "sobol" -> new Saltelli(n);
                case "morris" -> new Morris(r, levels);
                default -> throw new IllegalStateException(type);
            };
            return new DesignChoice(generator, node, parameters);
        } catch (DesignException e) {
            Node at = e.parameter() != null && parameters.containsKey(e.parameter()) ? parameters.get(e.parameter()) : node;
            problems.error(at.location(), "design" + (e.parameter() == null ? "" : "." + e.parameter()), e.getMessage());
            return null;
        }
    }

    private Integer designInteger(Node design, Map<String, Node> parameters, String name, String type, Integer otherwise) {
        Node node = parameters.get(name);
        if (node == null) {
            if (otherwise == null) {
                problems.error(design.location(), "design", "a " + type + " design needs " + name
                        + (type.equals("morris") ? " (the number of trajectories)" : " (the number of points"
                                + (type.equals("sobol") ? " per Saltelli matrix, a power of two ≥ 64)" : ")")));
            }
            return otherwise;
        }
        if (SCHEMA.checkValue("design." + name, node, problems)) {
            return ((Number) ((ScalarNode) node).value()).intValue();
        }
        return null;
    }

    private SweepOutputs outputs(MapNode root) {
        Node node = root.get("outputs");
        if (node == null) {
            return SweepOutputs.defaults();
        }
        if (!(node instanceof MapNode map)) {
            problems.error(node.location(), "outputs", "expected a mapping {metrics, monthly, sites}, got " + node.describe());
            return SweepOutputs.defaults();
        }
        SCHEMA.checkKeys(map, "outputs", problems);
        List<String> metrics = SweepOutputs.available();
        Node m = map.get("metrics");
        if (m instanceof ScalarNode s && "all".equals(s.value())) {
            metrics = SweepOutputs.available();
        } else if (m instanceof ListNode list) {
            metrics = new ArrayList<>();
            for (Node item : list.items()) {
                String name = item instanceof ScalarNode s && s.value() instanceof String t ? t : null;
                if (name == null || !SweepOutputs.available().contains(name)) {
                    problems.error(item.location(), "outputs.metrics", "unknown metric "
                            + (name == null ? item.describe() : "\"" + name + "\"")
                            + (name == null ? "" : DidYouMean.phrase(DidYouMean.among(name, SweepOutputs.available())))
                            + " (valid: all, or names from " + String.join(", ", SweepOutputs.available()) + ")");
                } else if (metrics.contains(name)) {
                    problems.error(item.location(), "outputs.metrics", "metric " + name + " is listed twice");
                } else {
                    metrics.add(name);
                }
            }
            if (list.items().isEmpty()) {
                problems.error(list.location(), "outputs.metrics", "the list is empty (valid: all, or metric names)");
            }
        } else if (m != null) {
            problems.error(m.location(), "outputs.metrics", "expected all or a list of metric names, got " + m.describe());
        }
        boolean monthly = bool(map, "outputs.", "monthly");
        boolean sites = bool(map, "outputs.", "sites");
        return problems.hasErrors() ? SweepOutputs.defaults() : new SweepOutputs(metrics, monthly, sites);
    }

    /** Most design points a sweep takes: checked before the design is generated, so a huge one is refused at once. */
    public static final int MAX_POINTS = 100_000;

    /** The design's number of points (an upper bound for oneAtATime), computed without generating it. */
    private static long pointsBound(DesignGenerator generator, List<Factor> factors) {
        int k = factors.size();
        if (generator instanceof Grid) {
            return Grid.count(factors);
        } else if (generator instanceof LatinHypercube l) {
            return l.n();
        } else if (generator instanceof Saltelli s) {
            return (long) s.n() * (k + 2);
        } else if (generator instanceof Morris m) {
            return (long) m.r() * (k + 1);
        }
        long n = 1;
        for (Factor f : factors) {
            n += f.levelCount(DesignKind.ONE_AT_A_TIME.yamlName());
        }
        return n;
    }

    private Design generate(DesignChoice choice, List<FactorEntry> entries, ResolvedScenario base, long masterSeed)
            throws ScenarioException {
        List<Factor> factors = new ArrayList<>();
        for (FactorEntry e : entries) {
            factors.add(e.factor());
        }
        try {
            choice.generator().validate(factors);
            long points = pointsBound(choice.generator(), factors);
            if (points > MAX_POINTS) {
                throw new ScenarioException(Problem.error(choice.node().location(), "design", "the design has "
                        + points + " points, more than one sweep takes (valid: at most " + MAX_POINTS
                        + " points; split the study into several experiments)"));
            }
            DesignInputs inputs = choice.generator().kind() == DesignKind.ONE_AT_A_TIME
                    ? DesignInputs.ofBaseline(baseline(base, entries))
                    : DesignInputs.of(Seeds.generator(Seeds.Purpose.DESIGN_SAMPLING, masterSeed));
            return choice.generator().generate(factors, inputs);
        } catch (DesignException e) {
            Location at = choice.node().location();
            String path = "design";
            if (e.factor() != null) {
                for (FactorEntry f : entries) {
                    if (f.path().equals(e.factor())) {
                        at = f.locate(e.parameter());
                        path = f.path();
                    }
                }
            } else if (e.parameter() != null && choice.parameters().containsKey(e.parameter())) {
                at = choice.parameters().get(e.parameter()).location();
                path = "design." + e.parameter();
            }
            throw new ScenarioException(Problem.error(at, path, e.getMessage()));
        }
    }

    /** The base scenario's value of each factor's key, read from its canonical form. */
    private static List<Object> baseline(ResolvedScenario base, List<FactorEntry> entries) {
        MapNode canonical;
        try {
            canonical = (MapNode) LocatedTreeParser.parseYaml(base.canonicalYaml(), "canonical", 0);
        } catch (TreeSyntaxException e) {
            throw new IllegalStateException("the canonical form does not parse: " + e.getMessage(), e);
        }
        List<Object> values = new ArrayList<>();
        for (FactorEntry f : entries) {
            Node n = canonical.at(f.path());
            if (!(n instanceof ScalarNode s)) {
                throw new IllegalStateException("no value of " + f.path() + " in the canonical form");
            }
            Object v = s.value();
            values.add(f.key().type() == ValueType.NUMBER && v instanceof Long l ? (Object) l.doubleValue() : v);
        }
        return values;
    }

    /**
     * The problems of a scenario load with overrides from this file relocated to the lines that
     * set them; {@code suffix} is appended to each message (e.g. which design point).
     */
    static ScenarioException relocated(ScenarioException e, Map<String, Location> origins, String suffix) {
        return e.relocated(origins, suffix);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
