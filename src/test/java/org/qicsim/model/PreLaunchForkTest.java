package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;

/**
 * The months before the launch are run once and continued by every arm (MODEL.md §3, {@link PreLaunch}):
 * for every bundled scenario, and for several designs sharing one world, the forked path gives
 * exactly the unforked path's outputs — every runs, timeseries and sites cell, and every field of
 * both arms' traces — and designs that record differently before the launch fall back to running
 * all their months.
 */
class PreLaunchForkTest {
    private static final long[] RUN_SEEDS = {0x5EEDL, 0x9E3779B97F4A7C15L};

    @Test
    void everyBundledScenarioGivesTheUnforkedOutputsToTheBit() throws Exception {
        List<Path> scenarios = bundledScenarios();
        assertThat(scenarios).hasSizeGreaterThan(20);
        for (Path file : scenarios) {
            ResolvedScenario s = ScenarioLoader.load(file, List.of());
            for (long seed : RUN_SEEDS) {
                Run.Counterfactual plain = Run.counterfactual(s.scenario(), s::collaborativeAt, seed, false);
                Run.Counterfactual forked = Run.counterfactual(s.scenario(), s::collaborativeAt, seed, true);
                assertThat(plain.preLaunch()).isNull();
                // The design that made the months before the launch is always served by them.
                assertThat(forked.preLaunch().serves(s.scenario(), s::collaborativeAt)).as(file.toString()).isTrue();
                assertSameTrace(forked.trace(), plain.trace(), file + " counterfactual");
                RunResult before = Run.execute(s.scenario(), s::collaborativeAt, seed, plain);
                RunResult after = Run.execute(s.scenario(), s::collaborativeAt, seed, forked);
                assertSameTrace(after.factual(), before.factual(), file + " collaborative arm");
                DisabledDesignTest.assertSameOutputs(after, before);
            }
        }
    }

    @Test
    void designsSharingAWorldContinueTheSameMonthsOrRunTheirOwn() throws Exception {
        Path root = Path.of("scenarios");
        ResolvedScenario michigan = ScenarioLoader.load(root.resolve("michigan-cqi.yaml"), List.of());
        List<ResolvedScenario> served = List.of(michigan,
                ScenarioLoader.load(root.resolve("registry-feedback-only.yaml"), List.of()),
                ScenarioLoader.load(root.resolve("no-collaborative.yaml"), List.of()),
                // The observation measurement before the launch reads these: made per design on the shared registry.
                load(root.resolve("michigan-cqi.yaml"), "collaborative.feedback.windowMonths=6",
                        "collaborative.feedback.lagMonths=2", "collaborative.feedback.everyMonths=4",
                        "collaborative.measurement.riskAdjustment=none"),
                // A design whose schedule changes collaborative keys before the launch, recording alike.
                load(root.resolve("michigan-cqi.yaml"), "schedule=[{fromMonth: 0, set: {collaborative.feedback.windowMonths: 3}},"
                        + " {fromMonth: 6, set: {collaborative.feedback.windowMonths: 12}}]"),
                // Behaviour keys outside the world that nothing reads before the launch.
                load(root.resolve("michigan-cqi.yaml"), "behaviour.gaming.upcodeShare=0.5",
                        "behaviour.learning.testMonths=9"));
        List<ResolvedScenario> notServed = List.of(
                ScenarioLoader.load(root.resolve("examples/claims-data.yaml"), List.of()),
                load(root.resolve("michigan-cqi.yaml"), "behaviour.recording.registryRiskError=0.9"),
                load(root.resolve("michigan-cqi.yaml"),
                        "schedule=[{fromMonth: 3, set: {collaborative.measurement.source: claims}},"
                                + " {fromMonth: 12, set: {collaborative.measurement.source: registry}}]"));
        List<ResolvedScenario> all = new ArrayList<>(served);
        all.addAll(notServed);
        for (ResolvedScenario d : all) {
            assertThat(d.worldSha256()).as(d.scenario().name()).isEqualTo(michigan.worldSha256());
        }
        // Michigan makes the shared months, then no-collaborative (whose own arm is the counterfactual).
        for (ResolvedScenario maker : List.of(michigan, served.get(2))) {
            for (long seed : RUN_SEEDS) {
                Run.Counterfactual plain = Run.counterfactual(maker.scenario(), maker::collaborativeAt, seed, false);
                Run.Counterfactual forked = Run.counterfactual(maker.scenario(), maker::collaborativeAt, seed, true);
                assertSameTrace(forked.trace(), plain.trace(), maker.scenario().name() + " counterfactual");
                for (int k = 0; k < all.size(); k++) {
                    ResolvedScenario d = all.get(k);
                    String label = "design " + k + " (" + d.scenario().name() + "), maker " + maker.scenario().name();
                    assertThat(forked.preLaunch().serves(d.scenario(), d::collaborativeAt))
                            .as(label + " served").isEqualTo(k < served.size());
                    RunResult before = Run.execute(d.scenario(), d::collaborativeAt, seed, plain);
                    RunResult after = Run.execute(d.scenario(), d::collaborativeAt, seed, forked);
                    assertSameTrace(after.factual(), before.factual(), label);
                    assertSameTrace(after.counterfactual(), before.counterfactual(), label);
                    DisabledDesignTest.assertSameOutputs(after, before);
                }
            }
        }
    }

    /** A copied site equals its source in every field and shares no mutable state with it. */
    @Test
    void aSiteCopyIsExactAndSharesNothing() {
        ResolvedScenario s = TestScenarios.resolved("collaborative.community.siteVisitsPerYear=6");
        World world = World.initialise(s.scenario(), new Streams(7L, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, 7L);
        sim.advanceTo(s.scenario().startMonth() + 20);
        boolean sawTest = false;
        boolean sawVisit = false;
        for (Site site : sim.sites) {
            Site copy = new Site(site);
            assertCopied("Site", Site.class, site, copy);
            sawTest |= site.test != null;
            sawVisit |= !site.exposure.visits.isEmpty();
        }
        // The fields a pre-launch copy never sees set are exercised here (else this test shows nothing for them).
        assertThat(sawTest).as("a site in a local test").isTrue();
        assertThat(sawVisit).as("a visited site").isTrue();
    }

    /**
     * Every field of {@code copy} equals its source's, and a mutable one is not shared; a site's
     * per-mechanism state (Drive, FeedbackState, Community, Exposure, GamingState, Membership) is
     * checked the same way field by field, so a collection inside it (visits, showcases, class history)
     * must be copied too.
     */
    private static void assertCopied(String path, Class<?> type, Object source, Object copy) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                continue;
            }
            f.setAccessible(true);
            try {
                Object a = f.get(source);
                Object b = f.get(copy);
                String name = path + "." + f.getName();
                assertThat(deepEquals(a, b)).as(name).isTrue();
                if (a != null && mutable(a)) {
                    assertThat(b).as(name + " shared").isNotSameAs(a);
                    if (MECHANISM_STATE.contains(a.getClass())) {
                        assertCopied(name, a.getClass(), a, b);
                    }
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static final List<Class<?>> MECHANISM_STATE = List.of(Drive.class, FeedbackState.class, Community.class,
            Exposure.class, GamingState.class, Membership.class);

    private static boolean mutable(Object o) {
        return !(o instanceof Number || o instanceof Boolean || o instanceof Enum<?> || o instanceof Record
                || o instanceof SiteEndowment || o instanceof String);
    }

    private static ResolvedScenario load(Path file, String... sets) throws ScenarioException {
        List<KeyOverride> overrides = new ArrayList<>();
        for (int k = 0; k < sets.length; k++) {
            overrides.add(KeyOverride.parseSet(sets[k], k + 1));
        }
        return ScenarioLoader.load(file, overrides);
    }

    /** Scenario files under scenarios/ (not experiment, calibration, feature or pattern definitions; pattern arms included). */
    static List<Path> bundledScenarios() throws IOException {
        Path root = Path.of("scenarios");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("features.yaml"))
                    .filter(p -> !p.startsWith(root.resolve("experiments")) && !p.startsWith(root.resolve("calibration")))
                    .filter(p -> !p.getParent().equals(root.resolve("patterns")))
                    .sorted()
                    .toList();
        }
    }

    /** Every field of two traces equal (arrays element by element, NaN equal to NaN, observations by value). */
    static void assertSameTrace(ArmTrace a, ArmTrace b, String what) {
        for (Field f : ArmTrace.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            try {
                assertThat(deepEquals(f.get(a), f.get(b))).as(what + ": ArmTrace." + f.getName()).isTrue();
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Value equality through arrays, records, collections and the model's small state classes. */
    static boolean deepEquals(Object a, Object b) {
        return deepEquals(a, b, new IdentityHashMap<>());
    }

    private static boolean deepEquals(Object a, Object b, Map<Object, Object> seen) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (seen.get(a) == b) {
            return true;
        }
        seen.put(a, b);
        Class<?> c = a.getClass();
        if (c.isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                // Boxed Double.equals compares bits: NaN equals NaN, 0.0 differs from −0.0.
                if (!deepEquals(Array.get(a, i), Array.get(b, i), seen)) {
                    return false;
                }
            }
            return true;
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                try {
                    if (!deepEquals(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), seen)) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return true;
        }
        if (a instanceof Collection<?> x) {
            List<?> xs = new ArrayList<>(x);
            List<?> ys = new ArrayList<>((Collection<?>) b);
            return deepEquals(xs.toArray(), ys.toArray(), seen);
        }
        if (c.getPackage() == Site.class.getPackage() && !c.isEnum()) {
            // The model's own state classes (Champion, LocalTest, YearlyAccounts): field by field.
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    f.setAccessible(true);
                    try {
                        if (!deepEquals(f.get(a), f.get(b), seen)) {
                            return false;
                        }
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
