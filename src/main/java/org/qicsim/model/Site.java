package org.qicsim.model;

/**
 * A hospital (MODEL.md §2 "Site"): its bundle and fidelities, routines and champion, and one small
 * state object per mechanism: {@link Drive} (effort and motivation), {@link FeedbackState} (the
 * latest {@link Report} and the response in force), {@link Community} (trust, safety, know-how,
 * champion influence), {@link Exposure} (what it has seen of its peers), {@link GamingState} and
 * {@link Membership}. Grouping them says which mechanism owns which state; each class names the
 * submodels that write it.
 *
 * <p>The classes and their fields are package-private: a site's state is changed only by the
 * submodel classes of this package, each named after its MODEL.md section, and nothing outside the
 * model sees it. Each state object is allocated once per site and arm, so a month allocates nothing.
 */
final class Site {
    final int index;
    final SiteEndowment endowment;
    final double effectiveCapacity;

    // Practices (S0, S7)
    int bundle;
    final double[] fidelity;
    LocalTest test;

    // Routines (S7 "Routinisation and abandonment"): how long each adopted practice has been held and
    // which are routinised; changed only by Fidelity's month and Learning's flip.
    final Routine routine;

    // Leadership (S10)
    final Champion champion;

    // Per-mechanism state (MODEL.md §2 "Site"): each object is owned by this site, allocated once per
    // arm, and holds what one mechanism keeps from month to month; its Javadoc says who writes it.
    /** Effort and motivation: E0, ΔE, I, X̂, Norm (S5, S6). */
    final Drive drive;
    /** Latest report, aspiration, credibility, response in force (S3, S5). */
    final FeedbackState feedback;
    /** Trust, safety, know-how, champion influence (S10). */
    final Community community;
    /** Showcases seen, visits received, recognition this month (S10, S7). */
    final Exposure exposure;
    /** Gaming now and ever, exclusion after an audit (S2). */
    final GamingState gaming;
    /** Member now and ever, months left and joined (S9). */
    final Membership membership;
    /** "Never" for a month field (no visit received, no membership begun). */
    static final int NEVER = -1;

    // Yearly accounts for the participation decision and payments, by collaborative year (1-based).
    final YearlyAccounts accounts;
    double paymentsTotal;

    Site(int index, SiteEndowment endowment, int years, double effort0) {
        this.index = index;
        this.endowment = endowment;
        this.effectiveCapacity = endowment.effectiveCapacity();
        this.bundle = endowment.bundle();
        this.fidelity = endowment.fidelity().clone();
        this.routine = new Routine(endowment.routine());
        this.champion = new Champion(endowment.championPost(), endowment.leadership());
        this.drive = new Drive(effort0, endowment.intrinsic0());
        this.feedback = new FeedbackState();
        this.community = new Community(endowment.safety0(), champion.presence());
        this.exposure = new Exposure();
        this.gaming = new GamingState();
        this.membership = new Membership();
        this.accounts = new YearlyAccounts(years);
    }

    /**
     * An exact deep copy of {@code source}: every field equal, no mutable state shared (the endowment
     * is the world's and read-only). The pre-launch fork starts each arm from copies (MODEL.md §3).
     */
    Site(Site source) {
        this.index = source.index;
        this.endowment = source.endowment;
        this.effectiveCapacity = source.effectiveCapacity;
        this.bundle = source.bundle;
        this.fidelity = source.fidelity.clone();
        this.test = source.test == null ? null : source.test.copy();
        this.routine = new Routine(source.routine);
        this.champion = new Champion(source.champion);
        this.drive = new Drive(source.drive);
        this.feedback = new FeedbackState(source.feedback);
        this.community = new Community(source.community);
        this.exposure = new Exposure(source.exposure);
        this.gaming = new GamingState(source.gaming);
        this.membership = new Membership(source.membership);
        this.accounts = new YearlyAccounts(source.accounts);
        this.paymentsTotal = source.paymentsTotal;
    }

    boolean adopted(int practice) {
        return (bundle >>> practice & 1) == 1;
    }

    /** Per-year accounts of one site, indexed by collaborative year y ≥ 1. */
    static final class YearlyAccounts {
        final double[] payments;
        final double[] unfundedAbstraction;
        final int[] attended;
        final int[] held;
        final double[] effortAboveBaseline;
        final boolean[] showcased;
        final boolean[] championLost;
        /** Performance years whose payment a detected gamer has forfeited (S2 audit). */
        final boolean[] forfeited;

        YearlyAccounts(int years) {
            payments = new double[years + 2];
            unfundedAbstraction = new double[years + 2];
            attended = new int[years + 2];
            held = new int[years + 2];
            effortAboveBaseline = new double[years + 2];
            showcased = new boolean[years + 2];
            championLost = new boolean[years + 2];
            forfeited = new boolean[years + 2];
        }

        /** An exact deep copy. */
        YearlyAccounts(YearlyAccounts source) {
            payments = source.payments.clone();
            unfundedAbstraction = source.unfundedAbstraction.clone();
            attended = source.attended.clone();
            held = source.held.clone();
            effortAboveBaseline = source.effortAboveBaseline.clone();
            showcased = source.showcased.clone();
            championLost = source.championLost.clone();
            forfeited = source.forfeited.clone();
        }
    }
}
