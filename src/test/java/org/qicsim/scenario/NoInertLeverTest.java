package org.qicsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;

/**
 * The lever audit (issue 12 item 3, "no inert lever"). A regression check, not a statistical test:
 * one run seed, outputs compared exactly. For every {@code collaborative.*} and {@code behaviour.*}
 * key of the schema ({@link ScenarioSchema#all()}, not a hand list), and for an enum key for each of
 * its values:
 *
 * <ol>
 *   <li><b>Where it applies, by rule.</b> The bundled scenarios are tried in a fixed order
 *       ({@code michigan-cqi.yaml} first, then every other scenario file under {@code scenarios/}
 *       by path; the features, experiment, calibration and pattern files are not scenarios). The
 *       key's value is <b>moved</b> by rule: a boolean is negated; an enum value is set (where it is
 *       not already the value); a number goes to the far end of its range, then to the near end, then
 *       to the middle of the range (an open end taken 1% of the range inside; with no practical upper bound, to the lower bound, or
 *       a tenth of the value above an open lower bound of 0, then to ten times the value); a null
 *       goes to 10% of its range. The lever's scenario is the first one in which a moved value is not
 *       called ignored by {@code validate}'s rules ({@link IgnoredKeyNotes#whyIgnored}) and changes an
 *       output; a lever that applies somewhere but changes nothing in any bundled scenario where it
 *       applies is inert (reported at the first of them). An enum value
 *       that is already the value wherever it applies (a default) is audited the other way, moving
 *       away from it.</li>
 *   <li><b>It acts there.</b> A paired run (same scenario, same run seed, the key moved) must give
 *       some different output: a metric of runs.csv, a value of timeseries.csv or a cell of
 *       sites.csv (compared exactly), first with the scenario shrunk to {@value #SITES} sites (fast),
 *       else at its own size (where rarer events, such as exits and detected gaming, occur), on the run
 *       seeds of replicates 0–2 (a rare event may miss one run by chance: since issue 12's fourth
 *       calibration, regional matching in {@code teaching/regional-groups.yaml} changes replicates 1
 *       and 2 and not replicate 0). A key
 *       that changes nothing where {@code validate} is silent is either a missing note (add the rule
 *       to {@link IgnoredKeyNotes}) or a model defect.</li>
 * </ol>
 *
 * <p>Notes must be true: in {@code michigan-cqi} (20 sites), a moved value that {@code validate}
 * calls ignored must change no output.
 *
 * <p>Levers found inert for a model defect that could not be fixed in the round that wrote this
 * test are listed in {@link #INERT} with the reason (and docs/MODEL.md, "Lever audit"); issue 12
 * must empty the list. The test asserts the list is exactly the set of inert levers, so a lever that
 * starts working forces its removal; where a listed lever acts in another bundled scenario, the test
 * checks that too. A lever that applies in no bundled scenario fails the same way (the issue: "a key
 * that applies nowhere is removed").
 *
 * <p>Runs are spread over the available processors (each run is a pure function of its scenario
 * and seed); the test prints the audit table and its wall time.
 */
class NoInertLeverTest {

    static final int SITES = 20;
    static final long RUN_SEED = Seeds.runSeed(20231201L, 0);
    /**
     * At a scenario's own size a lever whose effect needs a rare event (a site imitating a deviant of
     * another region, a detected gaming) may leave one run untouched by chance: the run seeds of
     * replicates 0–2 are tried, the first being {@link #RUN_SEED}.
     */
    static final long[] OWN_SIZE_SEEDS = {RUN_SEED, Seeds.runSeed(20231201L, 1), Seeds.runSeed(20231201L, 2)};

    /**
     * A lever that changes no output in its scenario, why (a model defect: to be removed by issue
     * 12), and a bundled scenario where it does act at the scenario's own size (null: none), which
     * the test checks.
     */
    record Inert(String key, String reason, String actsIn) {
    }

    /**
     * Levers inert today, each with its reason (docs/MODEL.md, "Lever audit"). Empty since issue 12 item 5:
     * positiveDeviance.matching=any, inert after the mechanism round, acts again with the calibrated defaults.
     */
    static final List<Inert> INERT = List.of();

    /** What the audit found for one key. */
    record Finding(String key, String scenario, String movedTo, boolean acts, String detail) {
    }

    private final Map<String, List<Double>> baselines = new ConcurrentHashMap<>();
    private final List<String> falseNotes = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyLeverActsWhereValidateSaysItApplies() throws Exception {
        long started = System.nanoTime();
        List<Path> scenarios = bundledScenarios();
        List<KeySpec> keys = ScenarioSchema.all().stream()
                .filter(k -> k.path().startsWith("collaborative.") || k.path().startsWith("behaviour."))
                .toList();
        assertThat(keys).hasSizeGreaterThan(100);
        List<Finding> findings = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Finding>> futures = new ArrayList<>();
            for (Lever lever : levers(keys)) {
                futures.add(pool.submit(() -> audit(lever, scenarios)));
            }
            for (Future<Finding> f : futures) {
                findings.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder table = new StringBuilder();
        for (Finding f : findings) {
            table.append(String.format("%-55s %-5s %-45s %-22s %s%n", f.key(), f.acts() ? "acts" : "INERT",
                    f.scenario(), f.movedTo(), f.detail()));
        }
        System.out.println(table);
        System.out.printf("lever audit: %d levers, %d inert, %.1f s%n", findings.size(),
                findings.stream().filter(f -> !f.acts()).count(), (System.nanoTime() - started) / 1e9);
        for (Inert known : INERT) {
            if (known.actsIn() != null) {
                assertThat(actsAtOwnSize(known.key(), Path.of("scenarios").resolve(known.actsIn())))
                        .as(known.key() + " acts in " + known.actsIn()).isTrue();
            }
        }
        assertThat(falseNotes).as("keys validate calls ignored in " + name(scenarios.get(0))
                + " that change its outputs").isEmpty();
        assertThat(INERT).allSatisfy(i -> assertThat(i.reason()).isNotBlank());
        List<String> inert = findings.stream().filter(f -> !f.acts()).map(Finding::key).toList();
        assertThat(inert).as("keys that change no output where validate is silent (see the table above); "
                + "add a validate note where the key cannot apply, else list it in INERT with its reason")
                .containsExactlyInAnyOrderElementsOf(INERT.stream().map(Inert::key).toList());
    }

    /** Scenario files under scenarios/, michigan-cqi first, then by path. */
    static List<Path> bundledScenarios() throws IOException {
        Path root = Path.of("scenarios");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("features.yaml"))
                    .filter(p -> Stream.of("experiments", "patterns", "calibration").noneMatch(d -> p.startsWith(root.resolve(d))))
                    .sorted(Comparator.comparing((Path p) -> !p.equals(root.resolve("michigan-cqi.yaml")))
                            .thenComparing(p -> root.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    /** One lever to audit: a key, or for an enum key one of its values ({@code key=value}). */
    record Lever(KeySpec key, String enumValue) {
        String name() {
            return enumValue == null ? key.path() : key.path() + "=" + enumValue;
        }
    }

    static List<Lever> levers(List<KeySpec> keys) {
        List<Lever> out = new ArrayList<>();
        for (KeySpec k : keys) {
            if (k.type() == ValueType.ENUM) {
                k.enumValues().forEach(v -> out.add(new Lever(k, v)));
            } else {
                out.add(new Lever(k, null));
            }
        }
        return out;
    }

    private Finding audit(Lever lever, List<Path> scenarios) throws Exception {
        String path = lever.key().path();
        Finding inertHere = null;
        for (Path scenario : scenarios) {
            ResolvedScenario here = load(scenario, SITES, null, null);
            Object current = RecordBinder.get(here.scenario(), path);
            List<Object> moved = lever.enumValue() == null ? moved(lever.key(), current)
                    : ((YamlEnum) current).yamlName().equals(lever.enumValue()) ? List.of() : List.of(lever.enumValue());
            List<String> applicable = new ArrayList<>();
            for (Object value : moved) {
                ResolvedScenario variant = load(scenario, SITES, path, value);
                Optional<String> why = IgnoredKeyNotes.whyIgnored(path, variant);
                if (why.isPresent()) {
                    // A note must be true: in the flagship, a key called ignored changes no output.
                    if (scenario.equals(scenarios.get(0)) && !outputs(variant).equals(baseline(scenario, SITES))) {
                        falseNotes.add(lever.name() + " = " + value + " in " + name(scenario) + ": " + why.get());
                    }
                    continue;
                }
                String shown = KeyOverride.of(path, value, "audit").valueYaml();
                applicable.add(shown);
                // Smallest first; then the scenario at its own size, where rarer events (gaming, exits) occur.
                if (!outputs(variant).equals(baseline(scenario, SITES))) {
                    return new Finding(lever.name(), name(scenario) + " (" + SITES + " sites)", shown, true, "");
                }
                if (changesAtOwnSize(scenario, path, value)) {
                    return new Finding(lever.name(), name(scenario), shown, true, "");
                }
            }
            if (!applicable.isEmpty() && inertHere == null) {
                // Applies here but changed nothing: a lever whose effect needs an event this scenario does
                // not produce at today's defaults (a withdrawing site at a year's end) may act in another
                // bundled scenario where it applies; the first such finding is kept if none does.
                inertHere = new Finding(lever.name(), name(scenario), String.join("|", applicable), false,
                        "no output changed");
            }
        }
        if (inertHere != null) {
            return inertHere;
        }
        if (lever.enumValue() != null) {
            return awayFrom(lever, scenarios);
        }
        return new Finding(lever.name(), "(none)", "", false, "ignored in every bundled scenario");
    }

    /**
     * An enum value that no bundled scenario can move to (it is already the value wherever it
     * applies, as a default is) is audited the other way: in the first scenario where it is the
     * value and applies, moving away from it to another value must change some output.
     */
    private Finding awayFrom(Lever lever, List<Path> scenarios) throws Exception {
        String path = lever.key().path();
        for (Path scenario : scenarios) {
            ResolvedScenario here = load(scenario, SITES, null, null);
            if (!((YamlEnum) RecordBinder.get(here.scenario(), path)).yamlName().equals(lever.enumValue())
                    || IgnoredKeyNotes.whyIgnored(path, here).isPresent()) {
                continue;
            }
            List<String> tried = new ArrayList<>();
            for (String other : lever.key().enumValues()) {
                if (other.equals(lever.enumValue())) {
                    continue;
                }
                ResolvedScenario variant = load(scenario, SITES, path, other);
                if (IgnoredKeyNotes.whyIgnored(path, variant).isPresent()) {
                    continue;
                }
                tried.add(other);
                if (!outputs(variant).equals(baseline(scenario, SITES))) {
                    return new Finding(lever.name(), name(scenario) + " (" + SITES + " sites)", "from, to " + other,
                            true, "");
                }
                if (changesAtOwnSize(scenario, path, other)) {
                    return new Finding(lever.name(), name(scenario), "from, to " + other, true, "");
                }
            }
            return new Finding(lever.name(), name(scenario), "from, to " + String.join("|", tried), false,
                    "no output changed");
        }
        return new Finding(lever.name(), "(none)", "", false, "ignored in every bundled scenario");
    }

    /** Whether some moved value of the key changes an output of the scenario at its own size. */
    private boolean actsAtOwnSize(String path, Path scenario) throws ScenarioException {
        KeySpec key = ScenarioSchema.key(path).orElseThrow();
        ResolvedScenario here = load(scenario, null, null, null);
        for (Object value : moved(key, RecordBinder.get(here.scenario(), path))) {
            if (changesAtOwnSize(scenario, path, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether setting the key to {@code value} changes an output of the scenario at its own size, on one of {@link #OWN_SIZE_SEEDS}. */
    private boolean changesAtOwnSize(Path scenario, String path, Object value) throws ScenarioException {
        ResolvedScenario variant = load(scenario, null, path, value);
        for (long seed : OWN_SIZE_SEEDS) {
            if (!outputs(variant, seed).equals(baseline(scenario, null, seed))) {
                return true;
            }
        }
        return false;
    }

    private List<Double> baseline(Path scenario, Integer sites) {
        return baseline(scenario, sites, RUN_SEED);
    }

    private List<Double> baseline(Path scenario, Integer sites, long seed) {
        return baselines.computeIfAbsent(name(scenario) + "@" + sites + "#" + seed, n -> {
            try {
                return outputs(load(scenario, sites, null, null), seed);
            } catch (ScenarioException e) {
                throw new IllegalStateException(e.format(), e);
            }
        });
    }

    private static String name(Path scenario) {
        return Path.of("scenarios").relativize(scenario).toString().replace('\\', '/');
    }

    /** The scenario, shrunk to {@code sites} (null: its own size), with one key set (null: none). */
    private static ResolvedScenario load(Path scenario, Integer sites, String key, Object value) throws ScenarioException {
        List<KeyOverride> sets = new ArrayList<>();
        if (sites != null) {
            sets.add(KeyOverride.of("sites.count", sites, "audit"));
        }
        if (key != null) {
            sets.add(KeyOverride.of(key, value, "audit"));
        }
        return ScenarioLoader.load(scenario, sets);
    }

    /** Every output of one run: runs.csv metrics, timeseries.csv rows, sites.csv cells (null as NaN). */
    static List<Double> outputs(ResolvedScenario s) {
        return outputs(s, RUN_SEED);
    }

    /** {@link #outputs(ResolvedScenario)} of the run with {@code seed}. */
    static List<Double> outputs(ResolvedScenario s, long seed) {
        RunResult r = Run.execute(s.scenario(), s::collaborativeAt, seed);
        List<Double> out = new ArrayList<>(r.metrics().values());
        for (int t = 0; t < r.months(); t++) {
            for (double v : r.timeseriesRow(t)) {
                out.add(v);
            }
        }
        for (int j = 0; j < s.scenario().sites().count(); j++) {
            for (Object cell : r.siteRow(j)) {
                out.add(cell instanceof Number n ? n.doubleValue()
                        : cell instanceof Boolean b ? (b ? 1.0 : 0.0) : Double.NaN);
            }
        }
        return out;
    }

    /** The moved values of a key whose value in the scenario is {@code current} (see the class comment). */
    static List<Object> moved(KeySpec key, Object current) {
        return switch (key.type()) {
            case BOOLEAN -> List.of(!(Boolean) current);
            case NUMBER, INTEGER -> ends(key, current).stream()
                    .map(v -> key.type() == ValueType.INTEGER ? (Object) (long) Math.rint(v) : (Object) v)
                    .filter(v -> current == null || ((Number) v).doubleValue() != ((Number) current).doubleValue())
                    .distinct().toList();
            default -> throw new IllegalStateException("no rule to move " + key.path() + " of type " + key.type());
        };
    }

    /** The far end of the range first, then the near end. */
    private static List<Double> ends(KeySpec key, Object current) {
        double lo = key.min() == null ? Double.NEGATIVE_INFINITY : key.min();
        // Ranges such as [0, 2147483647] have no practical upper end.
        double hi = key.max() == null || key.max() > 1e8 ? Double.POSITIVE_INFINITY : key.max();
        double low = key.minOpen() ? lo + 0.01 * (hi - lo) : lo;
        double high = key.maxOpen() ? hi - 0.01 * (hi - lo) : hi;
        if (current == null) {
            return List.of(lo + 0.1 * (hi - lo));
        }
        double c = ((Number) current).doubleValue();
        if (Double.isInfinite(hi)) {
            double down = key.minOpen() ? c / 10 : lo;
            double up = c == 0 ? 10 : c * 10;
            return List.of(down, up);
        }
        // Then the middle: a threshold on a share can be degenerate at both ends (abandonFidelity: no fidelity
        // falls below 0 or was ever held at 1), yet act between them.
        double middle = low + 0.5 * (high - low);
        return c - lo <= hi - c ? List.of(high, low, middle) : List.of(low, high, middle);
    }
}
