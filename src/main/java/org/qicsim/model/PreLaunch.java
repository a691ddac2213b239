package org.qicsim.model;

import java.util.function.IntFunction;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Scenario;

/**
 * The months before the launch, run once per world and replicate and continued by every arm
 * (MODEL.md §3 "Months before the launch"): a collaborative arm run from month 0 to the end of
 * month {@code startMonth − 1} and kept as it stands then — sites, landscape, registry, trace, true-rate caches and
 * the world phase's per-site arrays. The counterfactual arm and the collaborative arm of each design
 * it {@link #serves} start at {@code startMonth} from copies of it ({@link QicSimulation}), so those
 * months are computed once instead of once per arm.
 *
 * <p>Why this is exact. Before {@code startMonth} no collaborative phase runs (their guards need
 * the launch), so a collaborative arm runs the counterfactual arm's phases (calendar, world,
 * fidelity, observation) and adds to them only what leaves the world untouched: recording into the
 * registry on its own key, the event draws after the world's patient draws, the true rate and the
 * observation measurement (§7). Keys are (stream, site, month), restarted in each month's first use,
 * so the state to carry is the simulation's, not a generator's; MASON's schedule is restarted at
 * {@code startMonth} with the same orderings. Of the design, those months read only the recording
 * settings (each month's {@code measurement.source} and {@code behaviour.recording}): a design
 * whose recording differs is not served and runs all its months itself. The observation
 * measurement, which reads the design's feedback and risk-adjustment settings, is left to each
 * arm, which makes it on this registry (it holds every month before the launch). Everything else
 * such an arm reads before the launch is the world's, shared by every design of the world.
 */
public final class PreLaunch {
    /** startMonth: the first month each continuing arm runs itself. */
    private final int month;
    private final Behaviour.Recording recording;
    /** The data source in force in each month before the launch. */
    private final Collaborative.Source[] sources;
    private final Site[] sites;
    private final Landscape landscape;
    private final Registry registry;
    private final ArmTrace trace;
    private final TrueRate trueRate;
    private final double[] quality;
    private final int[] gamedRecords;
    private final ProcessRecords processRecords;
    /** The declared practices in force in each month before the launch (S2p). */
    private final Collaborative.DeclaredPractices[] declared;
    private final int[] recordsThisMonth;

    private PreLaunch(QicSimulation sim, IntFunction<Collaborative> collaborativeAt) {
        this.month = sim.scenario.startMonth();
        this.recording = sim.scenario.behaviour().recording();
        this.sources = sourcesBefore(month, collaborativeAt);
        this.sites = sim.sites;
        this.landscape = sim.landscape;
        this.registry = sim.registry;
        this.trace = sim.trace;
        this.trueRate = sim.trueRate;
        this.quality = sim.quality;
        this.gamedRecords = sim.gamedRecords;
        this.processRecords = sim.processRecords;
        this.declared = declaredBefore(month, collaborativeAt);
        this.recordsThisMonth = sim.recordsThisMonth;
    }

    /**
     * Runs the months before {@code world}'s startMonth as the collaborative arm of
     * {@code collaborativeAt} (whose recording settings it then serves).
     */
    static PreLaunch run(World world, IntFunction<Collaborative> collaborativeAt, long runSeed) {
        QicSimulation sim = QicSimulation.preLaunch(world, collaborativeAt, runSeed);
        sim.advanceTo(world.scenario().startMonth());
        // The run is dropped here: its state is never changed again, only copied.
        return new PreLaunch(sim, collaborativeAt);
    }

    /**
     * Whether a design of this world can continue these months: it records as they were recorded
     * (the same {@code behaviour.recording} and, in every month before the launch, the same
     * {@code measurement.source}). The caller guarantees the same world and run seed.
     */
    boolean serves(Scenario design, IntFunction<Collaborative> collaborativeAt) {
        return design.startMonth() == month && design.behaviour().recording().equals(recording)
                && java.util.Arrays.equals(sourcesBefore(month, collaborativeAt), sources)
                // Process records (S2p) are kept from month 0 by a design that uses a process
                // indicator, against the practices declared in each month (no package before the launch).
                && ProcessIndicator.usedBy(collaborativeAt, design.horizonMonths()) == (processRecords != null)
                && java.util.Arrays.equals(declaredBefore(month, collaborativeAt), declared);
    }

    private static Collaborative.DeclaredPractices[] declaredBefore(int month,
            IntFunction<Collaborative> collaborativeAt) {
        Collaborative.DeclaredPractices[] d = new Collaborative.DeclaredPractices[month];
        for (int t = 0; t < month; t++) {
            d[t] = collaborativeAt.apply(t).measurement().declaredPractices();
        }
        return d;
    }

    /** A deep copy of the kept process records (S2p), or null when the design keeps none. */
    ProcessRecords processRecords(int months) {
        return processRecords == null ? null : processRecords.copy(months);
    }

    private static Collaborative.Source[] sourcesBefore(int month, IntFunction<Collaborative> collaborativeAt) {
        Collaborative.Source[] s = new Collaborative.Source[month];
        for (int t = 0; t < month; t++) {
            s[t] = collaborativeAt.apply(t).measurement().source();
        }
        return s;
    }

    int month() {
        return month;
    }

    /** The kept state, read by {@link QicSimulation} to make its copies; never changed. */
    Site site(int j) {
        return sites[j];
    }

    Landscape landscape() {
        return landscape;
    }

    Registry registry() {
        return registry;
    }

    ArmTrace trace() {
        return trace;
    }

    TrueRate trueRate() {
        return trueRate;
    }

    double[] quality() {
        return quality.clone();
    }

    int[] gamedRecords() {
        return gamedRecords.clone();
    }

    int[] recordsThisMonth() {
        return recordsThisMonth.clone();
    }
}
