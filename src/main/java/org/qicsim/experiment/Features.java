package org.qicsim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qicsim.scenario.InputFile;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.Problems;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.ScenarioSchema;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.ListNode;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.ScalarNode;

/**
 * The five features of high-performing collaboratives (McGowan et al., BMJ Open 2023; docs/MODEL.md
 * §13) and the collaborative settings that switch each one off, read from a features file
 * ({@code scenarios/features.yaml}). Pattern P7 and attribution both build their designs from it:
 * a scenario with a set of features off is the scenario file loaded again with those features'
 * settings as overrides, so it is validated exactly as a scenario would be and its problems are
 * located at the features file's own lines.
 */
public final class Features {

    /** The bundled features file, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("scenarios", "features.yaml");

    /**
     * One feature.
     *
     * @param off the settings that switch it off, in file order; each override's origin is a key of
     *     the file's origin map, so problems it causes point at its line
     */
    public record Feature(String id, String name, String description, List<KeyOverride> off, Location at) {
        public Feature {
            off = List.copyOf(off);
        }
    }

    private final Path file;
    private final List<Feature> features;
    private final Map<String, Location> origins;

    private Features(Path file, List<Feature> features, Map<String, Location> origins) {
        this.file = file;
        this.features = List.copyOf(features);
        this.origins = Map.copyOf(origins);
    }

    /** The file this was read from. */
    public Path file() {
        return file;
    }

    /** The features in file order. */
    public List<Feature> all() {
        return features;
    }

    /** Feature ids in file order. */
    public List<String> ids() {
        return features.stream().map(Feature::id).toList();
    }

    /**
     * Reads and checks a features file: a map with one key {@code features}, a list of maps each
     * with {@code id}, {@code name}, {@code description} and {@code off} (a map from
     * {@code collaborative.*} key paths to values). Every problem is collected and located.
     *
     * @throws ScenarioException listing every problem, each at its file, line and column
     */
    public static Features load(Path file) throws ScenarioException {
        String display = file.normalize().toString();
        Node root = InputFile.parse(file, display, "a features file");
        Problems problems = new Problems();
        List<Feature> features = new ArrayList<>();
        Map<String, Location> origins = new LinkedHashMap<>();
        if (!(root instanceof MapNode map)) {
            problems.error(root.location(), "", "expected a map with the key features, got " + root.describe());
            problems.throwIfErrors();
            return null;
        }
        for (String key : map.keys()) {
            if (!key.equals("features")) {
                problems.error(map.entry(key).keyLocation(), key, "unknown key \"" + key + "\""
                        + DidYouMean.phrase(DidYouMean.among(key, List.of("features"))) + " (valid: features)");
            }
        }
        Node list = map.get("features");
        if (list == null) {
            problems.error(map.location(), "features", "missing key features (a list of features)");
        } else if (!(list instanceof ListNode items)) {
            problems.error(list.location(), "features", "expected a list of features, got " + list.describe());
        } else {
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < items.items().size(); i++) {
                Feature f = feature(items.items().get(i), "features[" + i + "]", display, problems, origins);
                if (f != null && !seen.add(f.id())) {
                    problems.error(f.at(), "features[" + i + "].id", "duplicate feature id \"" + f.id() + "\"");
                } else if (f != null) {
                    features.add(f);
                }
            }
            if (items.items().isEmpty()) {
                problems.error(items.location(), "features", "the list of features is empty");
            }
        }
        problems.throwIfErrors();
        return new Features(file, features, origins);
    }

    private static Feature feature(Node node, String path, String display, Problems problems,
            Map<String, Location> origins) {
        if (!(node instanceof MapNode map)) {
            problems.error(node.location(), path, "expected a map with id, name, description and off, got " + node.describe());
            return null;
        }
        List<String> valid = List.of("id", "name", "description", "off");
        for (String key : map.keys()) {
            if (!valid.contains(key)) {
                problems.error(map.entry(key).keyLocation(), path + "." + key, "unknown key \"" + key + "\""
                        + DidYouMean.phrase(DidYouMean.among(key, valid)) + " (valid: " + String.join(", ", valid) + ")");
            }
        }
        String id = text(map, "id", path, problems);
        String name = text(map, "name", path, problems);
        String description = text(map, "description", path, problems);
        if (id != null && !id.matches("[A-Za-z][A-Za-z0-9]*")) {
            problems.error(map.get("id").location(), path + ".id", "a feature id is letters and digits, starting with a letter; got \"" + id + "\"");
        }
        List<KeyOverride> off = new ArrayList<>();
        Node offNode = map.get("off");
        if (offNode == null) {
            problems.error(map.location(), path + ".off", "missing key off (the settings that switch the feature off)");
        } else if (!(offNode instanceof MapNode offMap) || offMap.keys().isEmpty()) {
            problems.error(offNode.location(), path + ".off", "expected a non-empty map of collaborative.* keys to values, got " + offNode.describe());
        } else {
            for (String key : offMap.keys()) {
                MapNode.Entry entry = offMap.entry(key);
                String keyPath = path + ".off." + key;
                if (!key.startsWith("collaborative.") || ScenarioSchema.key(key).isEmpty()) {
                    problems.error(entry.keyLocation(), keyPath, "\"" + key + "\" is not a collaborative key"
                            + DidYouMean.phrase(ScenarioSchema.suggest(key))
                            + " (valid: a collaborative.* key path, as listed by qicsim schema --list)");
                    continue;
                }
                if (!(entry.value() instanceof ScalarNode scalar)) {
                    problems.error(entry.value().location(), keyPath, "expected a single value, got " + entry.value().describe());
                    continue;
                }
                String origin = display + " feature " + id + " " + key;
                origins.put(origin, entry.value().location());
                off.add(KeyOverride.of(key, scalar.value(), origin));
            }
        }
        if (id == null || name == null || description == null) {
            return null;
        }
        return new Feature(id, name, description, off, map.location());
    }

    private static String text(MapNode map, String key, String path, Problems problems) {
        Node node = map.get(key);
        if (node == null) {
            problems.error(map.location(), path + "." + key, "missing key " + key);
            return null;
        }
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof String text) || text.isBlank()) {
            problems.error(node.location(), path + "." + key, "expected text, got " + node.describe());
            return null;
        }
        return text;
    }

    /** The feature with this id. */
    public Feature feature(String id) {
        for (Feature f : features) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no feature \"" + id + "\"" + DidYouMean.phrase(DidYouMean.among(id, ids()))
                + " (valid: " + String.join(", ", ids()) + ")");
    }

    /** The overrides that switch off the features in {@code off}, in file order of the features. */
    public List<KeyOverride> overrides(Set<String> off) {
        for (String id : off) {
            feature(id);
        }
        List<KeyOverride> out = new ArrayList<>();
        for (Feature f : features) {
            if (off.contains(f.id())) {
                out.addAll(f.off());
            }
        }
        return out;
    }

    /**
     * {@code scenarioFile} with {@code overrides} and then the settings of the features in
     * {@code off}. A problem caused by a feature's setting is located at its line in this file.
     */
    public ResolvedScenario apply(Path scenarioFile, List<KeyOverride> overrides, Set<String> off)
            throws ScenarioException {
        List<KeyOverride> all = new ArrayList<>(overrides);
        all.addAll(overrides(off));
        try {
            return ScenarioLoader.load(scenarioFile, all);
        } catch (ScenarioException e) {
            throw e.relocated(origins, off.isEmpty() ? "" : " [features off: " + String.join(", ", new TreeSet<>(off)) + "]");
        }
    }
}
