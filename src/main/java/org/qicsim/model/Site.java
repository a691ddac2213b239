package org.qicsim.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A hospital (MODEL.md §2 "Site"): its bundle and fidelities, its champion, effort and motivation,
 * its latest {@link Report} and the response in force, trust, safety, gaming and membership.
 *
 * <p>The class and its fields are package-private: a site's state is changed only by the submodel
 * classes of this package, each named after its MODEL.md section, and nothing outside the model
 * sees it. Effort is held as E0 plus a deviation {@code ΔE} (see {@link Effort}).
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

    // Effort and motivation (S5, S6)
    double effort0;
    double effortDeviation;
    double intrinsic;
    double expectedAttainment;
    /** Norm_j from the latest monthly update (S10). */
    double norm;

    // Feedback (S3, S5). The report itself is a Report record, made by the feedback step and passed
    // to the response policy; a site keeps here only what outlives one feedback cycle.
    /**
     * The latest report ({@link Report#NONE} before the first), kept until the next one because the
     * monthly update, learning and site visits read it every month.
     */
    Report report = Report.NONE;
    /** Whether {@link #aspiration} exists (set at the first report). */
    boolean hasAspiration;
    /** The historical aspiration {@code HA}: memory across reports, moved by a lower response. */
    double aspiration;
    /**
     * Credibility {@code Cred} as the site sees it: set at the launch and at a rejoin (with
     * {@code R_j = 0}) as well as by each report, so it is the site's state, not only the report's.
     */
    double credibility;
    /**
     * The response in force and the gap {@code D} of the report that set it: only a processed report
     * changes them, so they outlive cycles whose report was not processed.
     */
    Response response = Response.MAINTAIN;
    double responseGap;
    /** Classes (or league quintiles) of the reports received, oldest first, for fairness. */
    final List<Integer> classHistory = new ArrayList<>();
    /** Showcased at a meeting this month (set by {@link Meetings}, cleared by the calendar). */
    boolean recognisedThisMonth;

    // Community (S10)
    double trust = 0.5;
    double safety;
    /** PDs showcased at meetings this site attended since the last cycle. */
    final BitSet showcasedSeen = new BitSet();
    /** Site visits received: the PD visited with (or −1 when there was none) and the month. */
    final List<int[]> visits = new ArrayList<>();
    /** Month of the last site visit received, or {@link #NEVER}. */
    int lastVisitedMonth = NEVER;
    static final int NEVER = -1;

    // Gaming (S2)
    boolean gaming;
    boolean gamingEver;
    int lastGamingMonth = Integer.MIN_VALUE;
    int excludedUntilCycle = -1;

    // Social mechanisms acting through the site (issue 12 item 1; MODEL.md §6 S10, S5, S7). Both are
    // stocks that contacts and champions move by closing part of a gap, never a fixed chance of change.
    /**
     * Package know-how K ∈ [0, 1] (S10 socialisation): raised at each meeting attended and visit
     * received, fading each month; it acts only in Learning's act step (the chance that a change aligns
     * a departing package practice).
     */
    double knowHow;
    /**
     * Champion influence Λ (S10, world part): moves each month toward the champion's c·L at
     * championInfluenceRate; E0, E* and fidelity read it in place of c·L. A champion in post at
     * initialisation is established (Λ = c·L).
     */
    double championInfluence;

    // Membership (S9)
    boolean member;
    boolean everMember;
    int leftMonth = -1;
    /** Month the current membership began (the launch, or the year-end month of joining), or {@link #NEVER}. */
    int joinedMonth = NEVER;

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
        this.championInfluence = champion.presence();
        this.effort0 = effort0;
        this.intrinsic = endowment.intrinsic0();
        this.safety = endowment.safety0();
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
        this.effort0 = source.effort0;
        this.effortDeviation = source.effortDeviation;
        this.intrinsic = source.intrinsic;
        this.expectedAttainment = source.expectedAttainment;
        this.norm = source.norm;
        this.report = source.report;
        this.hasAspiration = source.hasAspiration;
        this.aspiration = source.aspiration;
        this.credibility = source.credibility;
        this.response = source.response;
        this.responseGap = source.responseGap;
        this.classHistory.addAll(source.classHistory);
        this.recognisedThisMonth = source.recognisedThisMonth;
        this.trust = source.trust;
        this.safety = source.safety;
        this.showcasedSeen.or(source.showcasedSeen);
        for (int[] visit : source.visits) {
            this.visits.add(visit.clone());
        }
        this.lastVisitedMonth = source.lastVisitedMonth;
        this.knowHow = source.knowHow;
        this.championInfluence = source.championInfluence;
        this.gaming = source.gaming;
        this.gamingEver = source.gamingEver;
        this.lastGamingMonth = source.lastGamingMonth;
        this.excludedUntilCycle = source.excludedUntilCycle;
        this.member = source.member;
        this.everMember = source.everMember;
        this.leftMonth = source.leftMonth;
        this.joinedMonth = source.joinedMonth;
        this.accounts = new YearlyAccounts(source.accounts);
        this.paymentsTotal = source.paymentsTotal;
    }

    /** Whether a site visit came in the 12 months up to {@code month} (never true before the first visit). */
    boolean visitedWithinYear(int month) {
        return lastVisitedMonth != NEVER && month - lastVisitedMonth < 12;
    }

    /**
     * Whether the site has been a member in every month of collaborative year {@code year} (which starts
     * in month {@code yearStart}) up to now: a member now whose membership began no later than the
     * year's first month (S6 participation pay).
     */
    boolean memberThroughout(int yearStart) {
        return member && joinedMonth != NEVER && joinedMonth <= yearStart;
    }

    /** E = E0 + ΔE. */
    double effort() {
        return effort0 + effortDeviation;
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
