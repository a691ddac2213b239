package org.qicsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.qicsim.scenario.tree.DidYouMean;
import org.qicsim.scenario.tree.LocatedTreeParser;
import org.qicsim.scenario.tree.Location;
import org.qicsim.scenario.tree.MapNode;
import org.qicsim.scenario.tree.Node;
import org.qicsim.scenario.tree.TreeMerge;
import org.qicsim.scenario.tree.TreeSyntaxException;

/**
 * Loads scenario files, in one pipeline (ARCHITECTURE.md "The loader is one pipeline"):
 * <ol>
 *   <li>parse each file into a located tree;</li>
 *   <li>deep-merge the bundled {@code defaults.yaml} ← the {@code extends} chain ← the file ←
 *       overrides, each node keeping the location of the node that won;</li>
 *   <li>validate the merged tree in one pass, collecting every error;</li>
 *   <li>only then bind it to the records, and derive the schedule's phases, the notes, the
 *       canonical forms and their hashes.</li>
 * </ol>
 * A file that cannot be read or parsed stops the pipeline after step 1 (with every such problem
 * of the chain and the overrides), since validating half a chain would report errors that are not there.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /**
     * Loads {@code file} (YAML, or JSON when named {@code *.json}) with its {@code extends} chain
     * and then {@code overrides} in order.
     *
     * @throws ScenarioException listing every problem found, each located
     */
    public static ResolvedScenario load(Path file, List<KeyOverride> overrides) throws ScenarioException {
        return chain(file).load(overrides);
    }

    /**
     * The {@code extends} chain of {@code file}, read and parsed once, to load with many lists of
     * overrides: a simulated review loads its arms once per trial, each time with that trial's
     * settings, and parsing the same files again for every trial was most of its loading time. Each
     * {@link Chain#load} is what {@link #load(Path, List)} gives for the same overrides, problems
     * included (the files' own problems are reported with the overrides', as there).
     */
    public static Chain chain(Path file) {
        Problems problems = new Problems();
        return new Chain(ExtendsChain.read(file, problems), problems.sorted());
    }

    /** A scenario file's extends chain, parsed once ({@link #chain}). */
    public static final class Chain {
        private final List<MapNode> layers;
        private final List<Problem> problems;

        private Chain(List<MapNode> layers, List<Problem> problems) {
            this.layers = List.copyOf(layers);
            this.problems = List.copyOf(problems);
        }

        /** The chain with {@code overrides} applied in order, as {@link ScenarioLoader#load(Path, List)}. */
        public ResolvedScenario load(List<KeyOverride> overrides) throws ScenarioException {
            Problems fresh = new Problems();
            problems.forEach(fresh::add);
            return merge(layers, overrides, fresh);
        }
    }

    /** The scenario of the defaults alone (name {@code scenario}). */
    public static ResolvedScenario defaults() {
        try {
            return defaults(List.of());
        } catch (ScenarioException e) {
            throw new IllegalStateException("the bundled defaults.yaml is invalid:\n" + e.format(), e);
        }
    }

    /**
     * The defaults with {@code overrides} applied, as if from an empty file: the in-process way to
     * build a scenario (tests, notebooks, calibration harnesses).
     */
    public static ResolvedScenario defaults(List<KeyOverride> overrides) throws ScenarioException {
        return merge(List.of(), overrides, new Problems());
    }

    private static ResolvedScenario merge(List<MapNode> fileLayers, List<KeyOverride> overrides, Problems problems)
            throws ScenarioException {
        List<MapNode> layers = new ArrayList<>(fileLayers);
        for (KeyOverride override : overrides) {
            MapNode layer = overrideLayer(override, problems);
            if (layer != null) {
                layers.add(layer);
            }
        }
        problems.throwIfErrors();
        MapNode merged = BundledDefaults.tree();
        for (MapNode layer : layers) {
            merged = TreeMerge.mergeMaps(merged, layer);
        }
        return resolve(merged, problems);
    }

    private static ResolvedScenario resolve(MapNode merged, Problems problems) throws ScenarioException {
        ScenarioValidator.validate(merged, problems);
        problems.throwIfErrors();
        Scenario scenario = RecordBinder.scenario(merged);
        List<CollaborativePhase> phases = phases(scenario);
        String canonical = CanonicalYaml.scenario(scenario);
        String world = CanonicalYaml.world(scenario);
        Problems notes = new Problems();
        IgnoredKeyNotes.of(merged, scenario, phases).forEach(notes::add);
        return new ResolvedScenario(scenario, phases, canonical, CanonicalYaml.sha256(canonical), world,
                CanonicalYaml.sha256(world), notes.sorted());
    }

    /**
     * The collaborative in force by month: phase 0 is the file's collaborative (with any month-0
     * entries applied), then one phase per later distinct fromMonth, entries applied cumulatively
     * and, within a month, in file order.
     */
    static List<CollaborativePhase> phases(Scenario scenario) {
        List<CollaborativePhase> phases = new ArrayList<>();
        Collaborative current = scenario.collaborative();
        int month = 0;
        for (ScheduleEntry entry : scenario.schedule()) {
            if (entry.fromMonth() != month) {
                phases.add(new CollaborativePhase(month, current));
                month = entry.fromMonth();
            }
            for (Map.Entry<String, Object> setting : entry.set().entrySet()) {
                String relative = setting.getKey().substring("collaborative.".length());
                current = RecordBinder.with(current, relative, setting.getValue());
            }
        }
        phases.add(new CollaborativePhase(month, current));
        return phases;
    }

    /** The override as a one-key tree, or null (with a problem) when its path or value is unusable. */
    private static MapNode overrideLayer(KeyOverride override, Problems problems) {
        Location keyAt = new Location(override.origin(), 1, 1);
        String path = override.path();
        if (path.equals(ExtendsChain.EXTENDS)) {
            problems.error(keyAt, path, "extends cannot be overridden; name the parent in the file");
            return null;
        }
        if (ScenarioSchema.key(path).isEmpty() && !ScenarioSchema.isSection(path)) {
            problems.error(keyAt, path, "unknown key \"" + path + "\"" + DidYouMean.phrase(ScenarioSchema.suggest(path))
                    + " (valid: a dotted key path, as listed by qicsim schema --list)");
            return null;
        }
        Node value;
        try {
            value = LocatedTreeParser.parseYaml(override.valueYaml(), override.origin(), override.column() - 1);
        } catch (TreeSyntaxException e) {
            problems.error(e.location(), path, e.getMessage());
            return null;
        }
        return TreeMerge.nest(Arrays.asList(path.split("\\.")), keyAt, value);
    }
}
