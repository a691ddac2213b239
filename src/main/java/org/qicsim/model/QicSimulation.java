package org.qicsim.model;

import ec.util.MersenneTwisterFast;
import java.util.Objects;
import java.util.function.IntFunction;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Scenario;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One arm of one run (MODEL.md §3): a MASON {@link SimState} whose month is one {@link Schedule}
 * step with one {@link Steppable} per phase, each at its own ordering, so MASON never shuffles and
 * never touches {@link SimState#random} (which is seeded from the engine key and otherwise unused).
 *
 * <p>Phases in month t are the {@link Phase} values in order: calendar (schedule switches and the
 * launch), world (S0, S1, S2, champion turnover), the eight collaborative phases of §3 (collaborative
 * arm only, each under its guard), fidelity (S7), observation (S11).
 */
public final class QicSimulation extends SimState {
    final World world;
    final Scenario scenario;
    final Arm arm;
    /** The keyed generators of MODEL.md §7 for this month (SimState.random stays unused). */
    final MonthlyRandom keys;
    final Landscape landscape;
    final Site[] sites;
    final Registry registry;
    final CoordinatingCentre centre;
    final IncentiveProgramme programme;
    final Ties ties;
    final ArmTrace trace;
    /**
     * The mechanisms' own tallies and the cost ledger of this arm (MODEL.md §9): each mechanism
     * counts into its own where the event happens; the named {@link Reporter}s read them when the
     * run ends. Every arm starts them empty: a continued arm too, since no collaborative phase runs
     * before the launch (the fork is at startMonth, the launch no earlier), so nothing is counted
     * or booked in the months it continues.
     */
    final Learning.Tally learning = new Learning.Tally();
    final Audit.Tally audit = new Audit.Tally();
    final FeedbackResponse.Tally responses = new FeedbackResponse.Tally();
    final GamingGap.Tally gamingGap = new GamingGap.Tally();
    final CostLedger ledger;
    /** The true risk-standardised rate, collaborative arm only (no output reads the counterfactual's). */
    final TrueRate trueRate;
    final IntFunction<Collaborative> collaborativeAt;
    /** Each site's answer to its reports (S5): {@link ResponsePolicy#model()} unless a caller plants one. */
    private final IntFunction<ResponsePolicy> responsePolicies;
    final int years;
    /**
     * The first month this arm runs itself: 0, or startMonth for an arm continued from the shared
     * months before the launch ({@link PreLaunch}, MODEL.md §3).
     */
    private final int firstMonth;
    /**
     * The months-before-the-launch run that every arm of the world continues ({@link PreLaunch}): it
     * leaves the observation measurement, which reads the design's feedback settings, to each arm.
     */
    private final boolean preLaunch;

    /*
     * The calendar's state, which the calendar phase advances each month and from which it builds
     * the month's record (now), which every later phase receives. These fields remain because the
     * calendar carries them from month to month and reads them itself (the launch, ties and first
     * credibility are set before the record exists), the end-of-run record (Observation.finish,
     * Participation.retention, Reporter) and tests read or set them, and this class's region,
     * visibility, coordination quality and burden share still read them. Within a month they hold
     * the record's values.
     */
    /** The collaborative in force this month (schedule applied). */
    Collaborative collaborative;
    boolean launched;
    boolean active;
    int launchMonth = -1;
    int month;
    /** This month's facts as the calendar phase built them (MODEL.md §3); see {@link Month}. */
    private Month now;
    /** Q_jt of this month's executed bundle, per site. */
    final double[] quality;
    /** This month's number of records per site that gaming altered, for the audit. */
    final int[] gamedRecords;
    /** Process documentation (S2p); null unless the design uses a process indicator in some month. */
    final ProcessRecords processRecords;
    final int[] recordsThisMonth;
    /** Scratch for one site-month: patients and (collaborative arm) events per case-mix stratum. */
    final int[] stratumCases;
    final int[] stratumEvents;

    /** SimState.random as MASON left it after start(), which primes it; model code never draws from it. */
    private MersenneTwisterFast engineSnapshot;

    /**
     * @param collaborativeAt the collaborative in force each month (the scenario's schedule); only
     *     read in the collaborative arm
     */
    public QicSimulation(World world, IntFunction<Collaborative> collaborativeAt, Arm arm, long runSeed) {
        this(world, collaborativeAt, arm, runSeed, j -> ResponsePolicy.model());
    }

    /**
     * @param collaborativeAt the collaborative in force each month (the scenario's schedule); only
     *     read in the collaborative arm
     * @param responsePolicies the response policy of each site, by site index (e.g. a participant's
     *     for one site and {@link ResponsePolicy#model()} for the others); asked at each report
     */
    public QicSimulation(World world, IntFunction<Collaborative> collaborativeAt, Arm arm, long runSeed,
            IntFunction<ResponsePolicy> responsePolicies) {
        this(world, collaborativeAt, arm, runSeed, responsePolicies, null, false);
    }

    /**
     * An arm that continues the world's months before the launch from a copy of {@code from}'s state
     * (MODEL.md §3): the collaborative arm of a design {@code from} {@link PreLaunch#serves serves},
     * or the counterfactual arm.
     */
    QicSimulation(World world, IntFunction<Collaborative> collaborativeAt, Arm arm, long runSeed,
            IntFunction<ResponsePolicy> responsePolicies, PreLaunch from) {
        this(world, collaborativeAt, arm, runSeed, responsePolicies, Objects.requireNonNull(from, "from"), false);
    }

    /** The collaborative arm that runs the months before the launch for {@link PreLaunch}. */
    static QicSimulation preLaunch(World world, IntFunction<Collaborative> collaborativeAt, long runSeed) {
        return new QicSimulation(world, collaborativeAt, Arm.COLLABORATIVE, runSeed, j -> ResponsePolicy.model(), null,
                true);
    }

    private QicSimulation(World world, IntFunction<Collaborative> collaborativeAt, Arm arm, long runSeed,
            IntFunction<ResponsePolicy> responsePolicies, PreLaunch from, boolean preLaunch) {
        super(engineGenerator(runSeed, world.siteCount()));
        this.responsePolicies = Objects.requireNonNull(responsePolicies, "responsePolicies");
        this.world = world;
        this.scenario = world.scenario();
        this.arm = arm;
        this.collaborativeAt = collaborativeAt;
        Streams streams = new Streams(runSeed, world.siteCount());
        this.keys = new MonthlyRandom(streams, world.siteCount());
        this.preLaunch = preLaunch;
        this.firstMonth = from == null ? 0 : from.month();
        this.landscape = from == null ? world.landscape().copy() : from.landscape().copy();
        int count = world.siteCount();
        this.years = (scenario.horizonMonths() - scenario.startMonth()) / 12 + 2;
        this.sites = new Site[count];
        for (int j = 0; j < count; j++) {
            if (from != null) {
                sites[j] = new Site(from.site(j));
                continue;
            }
            SiteEndowment e = world.site(j);
            double e0 = Effort.baseline(scenario.behaviour().effort(), e.effectiveCapacity(), e.intrinsic0(),
                    e.championPost() ? e.leadership() : 0.0);
            sites[j] = new Site(j, e, years, e0);
        }
        this.quality = from == null ? new double[count] : from.quality();
        this.gamedRecords = from == null ? new int[count] : from.gamedRecords();
        this.recordsThisMonth = from == null ? new int[count] : from.recordsThisMonth();
        this.stratumCases = new int[world.riskTable().strata()];
        this.stratumEvents = new int[world.riskTable().strata()];
        this.ledger = new CostLedger(scenario.startMonth(), scenario.costs().discountRatePerYear());
        boolean collaborativeArm = arm == Arm.COLLABORATIVE;
        if (from != null) {
            this.trace = new ArmTrace(from.trace(), !collaborativeArm);
        } else {
            this.trace = new ArmTrace(scenario.horizonMonths(), count, scenario.practices().count());
            if (!collaborativeArm) {
                for (double[] month : trace.trsr) {
                    java.util.Arrays.fill(month, Double.NaN);
                }
            }
        }
        if (!collaborativeArm) {
            this.registry = null;
        } else if (preLaunch) {
            // Every month before the launch, whatever a design's look-back: each design's registry is
            // copied from this one at its own capacity.
            this.registry = new Registry(count, Math.max(scenario.startMonth(), 1));
        } else if (from != null) {
            this.registry = from.registry().copy(registryCapacity(scenario, collaborativeAt));
        } else {
            this.registry = new Registry(count, registryCapacity(scenario, collaborativeAt));
        }
        // The counterfactual arm has no ties (MODEL.md §2): nothing to allocate or sum.
        this.ties = collaborativeArm ? new Ties(count, scenario.behaviour().community().tieCapacity()) : null;
        if (!collaborativeArm) {
            this.trueRate = null;
        } else {
            this.trueRate = from == null ? new TrueRate(count, landscape.practices()) : new TrueRate(from.trueRate());
        }
        if (!collaborativeArm || !ProcessIndicator.usedBy(collaborativeAt, scenario.horizonMonths())) {
            this.processRecords = null;
        } else {
            this.processRecords = from == null ? new ProcessRecords(count, scenario.horizonMonths()) : from.processRecords(scenario.horizonMonths());
        }
        this.centre = collaborativeArm ? new CoordinatingCentre(this) : null;
        this.programme = collaborativeArm ? new IncentiveProgramme(this) : null;
        this.collaborative = collaborativeAt.apply(Math.max(0, firstMonth - 1));
        this.month = Math.max(0, firstMonth - 1);
        this.now = Month.of(this);
        if (from != null && collaborativeArm) {
            // The observation measurement of the months before the launch, under this design's
            // settings in force each month, on the shared registry that holds all of them.
            for (int t = 0; t < firstMonth; t++) {
                Observation.measure(trace, from.registry(), collaborativeAt.apply(t), scenario, t);
            }
        }
    }

    /** SimState.random is seeded from the engine key (site J, month −1) with all 64 bits. */
    private static MersenneTwisterFast engineGenerator(long runSeed, int siteCount) {
        long seed = new Streams(runSeed, siteCount).cc(Stream.ENGINE, -1).nextLong();
        return new MersenneTwisterFast(new int[] {(int) (seed >>> 32), (int) seed});
    }

    /** Months the registry must hold: the longest look-back of any mechanism in any schedule phase. */
    private static int registryCapacity(Scenario scenario, IntFunction<Collaborative> collaborativeAt) {
        int longest = Math.max(24, scenario.behaviour().learning().testMonths());
        for (int t = 0; t < scenario.horizonMonths(); t++) {
            Collaborative.Feedback f = collaborativeAt.apply(t).feedback();
            longest = Math.max(longest, f.lagMonths() + 3 * f.windowMonths());
        }
        return longest + 2;
    }

    @Override
    public void start() {
        super.start();
        engineSnapshot = (MersenneTwisterFast) super.random.clone();
        // One steppable per phase, at the phase's ordering; the phase's guard decides each month.
        for (Phase phase : Phase.values()) {
            if (phase.runsIn(arm)) {
                schedule(phase.ordinal(), s -> phase.step(this));
            }
        }
    }

    /** From month 0 ({@link Schedule#EPOCH}), or from the first month an arm continued at the fork runs. */
    private void schedule(int ordering, Steppable phase) {
        schedule.scheduleRepeating(Schedule.EPOCH + firstMonth, ordering, phase, 1.0);
    }

    /** Runs every month of the horizon (from {@link #firstMonth}) and returns this arm's trace. */
    public ArmTrace run() {
        start();
        for (int t = firstMonth; t < scenario.horizonMonths(); t++) {
            schedule.step(this);
        }
        finish();
        Observation.finish(this);
        trace.reported = Reporter.pull(this);
        return trace;
    }

    /** Runs the months before {@code month} (for tests that inspect the state part-way). */
    void advanceTo(int month) {
        if (engineSnapshot == null) {
            start();
        }
        // After k steps MASON's clock reads k − 1 (it starts before month 0).
        while (schedule.getTime() < month - 1) {
            schedule.step(this);
        }
    }

    /** Whether this is the shared run of the months before the launch (observation measurement deferred). */
    boolean defersObservation() {
        return preLaunch;
    }

    /** True when model code has not drawn from SimState.random (MODEL.md §7). */
    public boolean engineRandomUntouched() {
        return engineSnapshot != null && super.random.stateEquals(engineSnapshot);
    }

    /**
     * Calendar phase: the month, the schedule's collaborative, and the launch at startMonth; then the
     * month's record that the later phases receive (one allocation per month and arm).
     */
    void calendar() {
        month = (int) Math.round(schedule.getTime());
        keys.beginMonth(month);
        for (Site s : sites) {
            s.exposure.recognisedThisMonth = false;
        }
        if (arm == Arm.COLLABORATIVE) {
            collaborativeCalendar();
        }
        now = Month.of(this);
    }

    /** The month's record as the calendar phase built it; before the first month, the initial state. */
    Month now() {
        return now;
    }

    /** The collaborative arm's calendar: the schedule's collaborative; launch, end or resumption. */
    private void collaborativeCalendar() {
        collaborative = collaborativeAt.apply(month);
        if (registry != null) {
            registry.beginMonth(month);
        }
        if (!launched && collaborative.enabled() && month >= scenario.startMonth()) {
            launch();
        } else if (active && !collaborative.enabled()) {
            // A schedule that switches the collaborative off ends it: every member becomes a leaver.
            for (Site s : sites) {
                if (s.membership.member) {
                    Participation.leave(s, month);
                }
            }
            active = false;
        } else if (launched && !active && collaborative.enabled()) {
            active = true;
        }
    }

    /** §5 "Membership at startMonth", regions and initial ties (collaborative arm only). */
    private void launch() {
        launched = true;
        active = true;
        launchMonth = month;
        for (Site s : sites) {
            s.membership.member = s.endowment.memberAtStart();
            s.membership.everMember = s.membership.member;
            s.membership.joinedMonth = s.membership.member ? month : Site.NEVER;
        }
        ties.initialise(this);
        centre.launch(collaborative);
    }

    /** The region of a site under the regional groups in force (MODEL.md §5). */
    int region(Site s) {
        return (int) Math.floor(s.endowment.regionUniform() * collaborative.community().regionalGroups());
    }

    /** vis = 1 with public reporting, else 0.5 with unblinded feedback, else 0 (MODEL.md §2). */
    double visibility() {
        if (!active) {
            return 0.0;
        }
        if (collaborative.incentives().publicReporting()) {
            return 1.0;
        }
        return switch (collaborative.feedback().visibility()) {
            case UNBLINDED -> 0.5;
            case BLINDED -> 0.0;
        };
    }

    /** Qc of the coordinating centre (S8). */
    double coordinationQuality() {
        return Coordination.quality(collaborative.coordination(), scenario.behaviour().coordination());
    }

    /** burdenShare_j = min(1, (1 − abstractionFunded)·abstractionPerCase·12·λ_j / qiBudget). */
    double burdenShare(Site s) {
        if (collaborative.coordination().abstractionFunded()) {
            return 0.0;
        }
        return Math.min(1.0, scenario.costs().abstractionPerCase() * 12.0 * s.endowment.volume()
                / scenario.sites().qiBudget());
    }

    /** Recomputes E0 after a change of the champion's influence Λ (MODEL.md §5, §6 S10 world part). */
    void championInfluenceChanged(Site s) {
        s.drive.effort0 = Effort.baseline(scenario.behaviour().effort(), s.effectiveCapacity, s.endowment.intrinsic0(),
                s.community.championInfluence);
    }

    /**
     * Fidelity phase (S7, last rule, with routinisation and abandonment): every site, both arms. A
     * practice is supported by a champion in post or, in the collaborative arm, by the change
     * package's advice to do it (z_i = +1; the counterfactual arm has no package).
     */
    void fidelityMonth() {
        Fidelity fidelity = new Fidelity(scenario.behaviour().learning());
        int advised = centre == null ? 0 : centre.changePackage().advised();
        for (Site s : sites) {
            boolean champion = s.champion.filled();
            // The champion acts on fidelity through the influence built with tenure (S10), not c·L at once;
            // package know-how helps the advised practices be done well (knowHowFidelity·K).
            s.bundle = fidelity.month(s.bundle, s.fidelity, s.routine, s.drive.effort(), s.community.championInfluence,
                    i -> champion || (advised >>> i & 1) == 1, advised, knowHowBoost(s));
        }
    }

    /**
     * The leadership that drives practice {@code i}'s fidelity at site {@code s}: the champion's
     * influence Λ, plus knowHowFidelity·K for a practice the change package advises (S7, S10).
     */
    double fidelityLeadership(Site s, int practice) {
        int advised = centre == null ? 0 : centre.changePackage().advised();
        return Fidelity.leadership(s.community.championInfluence, advised, knowHowBoost(s), practice);
    }

    /** knowHowFidelity·K: how much a site's package know-how adds to the advised practices' leadership term. */
    private double knowHowBoost(Site s) {
        return scenario.behaviour().community().knowHowFidelity() * s.community.knowHow;
    }

    /** The response policy of site {@code j}. */
    ResponsePolicy responsePolicy(int j) {
        return Objects.requireNonNull(responsePolicies.apply(j), "no response policy for site " + j);
    }

    int siteCount() {
        return sites.length;
    }
}
