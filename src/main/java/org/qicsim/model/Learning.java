package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S7 Learning (MODEL.md §6 S7; Lazer &amp; Friedman 2007 and March 1991 on exploration and
 * exploitation; Langley's PDSA cycle for local tests). Each month a member either advances its
 * running local test — judged on its own recorded data, and undone with probability
 * revertProbability if it does not look better — or, with probability velocity·E, acts: with
 * probability K (its package know-how, S10 {@link Socialisation}) it aligns a practice that departs
 * from the change package; otherwise it imitates a visible positive deviant (copying up to breadth differing practices, each with copy error e) or explores
 * by flipping one practice. Every change starts a test. Imitation reads the PDs' bundles as they were
 * at the start of the phase (synchronous updating).
 */
final class Learning {
    private Learning() {
    }

    /**
     * What learning counted in one arm (held by {@link QicSimulation#learning}): imitations and the
     * harmful ones, for MODEL.md §9 imitations and harmfulImitationShare. Pulled at the end of the run by
     * {@link Reporter}.
     */
    static final class Tally {
        long imitations;
        long harmfulImitations;
    }

    static void step(QicSimulation sim, Month now) {
        Behaviour.Learning b = sim.scenario.behaviour().learning();
        int[] bundles = new int[sim.siteCount()];
        for (Site s : sim.sites) {
            bundles[s.index] = s.bundle;
        }
        for (Site s : sim.sites) {
            if (!s.membership.member) {
                continue;
            }
            Draws draws = new Draws(sim.keys.of(Stream.LEARNING, s.index), sim.processRecords != null);
            if (s.test != null) {
                // A test started this month (by socialisation at a meeting or visit) starts advancing next month.
                if (s.test.changeMonth < now.month()) {
                    advanceTest(sim, now, s, draws.revert, b);
                }
                continue;
            }
            double own = b.velocity() * s.drive.effort();
            if (!(draws.act < own)) {
                // Know-how adds acts of its own (S10 socialisation, §10 item 65): staff who know what the
                // package asks act on it more often than search alone would; such an act aligns.
                if (draws.act < Socialisation.actChance(own, s.community.knowHow,
                        sim.scenario.behaviour().community())) {
                    Socialisation.alignDeparting(sim, now, s, draws.alignKeys);
                }
                continue;
            }
            // An action plan built on a process report turns an own act to a practice the report named.
            if (ActionPlan.adopts(sim, now, s, draws.plan, draws.planKeys)) {
                continue;
            }
            // Pay on a process indicator turns an own act to a paid practice the site does not do.
            if (PaidFocus.adopts(sim, now, s, draws.focus, draws.focusKeys)) {
                continue;
            }
            // Know-how from meetings and visits (S10 socialisation) acts only here, on a site that acts.
            if (Socialisation.align(sim, now, s, draws.align, draws.alignKeys)) {
                continue;
            }
            int[] visible = Visibility.visiblePds(sim, now, s);
            if (visible.length > 0) {
                int pd = choosePd(sim, now, s, visible, bundles, draws.pdKeys);
                int differing = bundles[pd] ^ s.bundle;
                double h = Integer.bitCount(differing) / (double) sim.landscape.practices();
                double p = imitationProbability(s, h, b);
                boolean copyable = differing != 0 && now.collaborative().positiveDeviance().breadth() > 0;
                // Copy or explore: the site's policy chooses (the model's: draws.imitate < p).
                if (copyable && sim.responsePolicy(s.index).imitate(
                        new ImitationChoice(now.month(), pd, Integer.bitCount(differing), h, p), draws.imitate)) {
                    imitate(sim, now, s, pd, bundles[pd], draws.copyKeys, b);
                    continue;
                }
            }
            explore(sim, now, s, draws.exploreKeys);
        }
    }

    /**
     * The chance that a site which sees a deviant whose bundle differs copies it rather than explores:
     * σ(imitationGap·max(0, D_resp) + imitationTrust·T − imitationDistance·h). D_resp is the gap of the
     * report that set the response in force (S5's responseGap, 0 before any processed report), as for
     * effort: a report the site did not process has not been read, so its gap cannot move the site
     * (issue 12 item 1; MODEL.md S7).
     */
    static double imitationProbability(Site s, double h, Behaviour.Learning b) {
        return Logistic.sigma(b.imitationGap() * Math.max(0.0, s.feedback.responseGap)
                + b.imitationTrust() * s.community.trust - b.imitationDistance() * h);
    }

    /**
     * A member's learning draws for the month, split by purpose in a fixed order so that each
     * decision uses the same random numbers whatever the design and whatever the others consumed
     * (MODEL.md §7; synchronised common random numbers).
     */
    private static final class Draws {
        final double revert;
        final double act;
        final double imitate;
        final MonthlyKey pdKeys;
        final MonthlyKey copyKeys;
        final MonthlyKey exploreKeys;
        /** Whether an acting site's change aligns a package practice (its know-how K), and which. */
        final double align;
        final MonthlyKey alignKeys;
        /**
         * Whether an acting site's action plan adopts a named missed practice, and which; then whether
         * pay on a process indicator turns it to a paid missing practice, and which. Drawn last, and only
         * in a design that uses a process indicator in some month (the only designs where either channel
         * can act): nothing is drawn from the key after them, so every other draw is the same whether or
         * not they are, and designs with a process indicator draw them in the same order. Elsewhere the
         * uniforms are 1, never below a chance, and the keys are never read.
         */
        final double plan;
        final MonthlyKey planKeys;
        final double focus;
        final MonthlyKey focusKeys;

        Draws(MonthlyKey key, boolean processIndicator) {
            revert = key.nextDouble();
            act = key.nextDouble();
            imitate = key.nextDouble();
            pdKeys = key.split();
            copyKeys = key.split();
            exploreKeys = key.split();
            align = key.nextDouble();
            alignKeys = key.split();
            plan = processIndicator ? key.nextDouble() : 1.0;
            planKeys = processIndicator ? key.split() : null;
            focus = processIndicator ? key.nextDouble() : 1.0;
            focusKeys = processIndicator ? key.split() : null;
        }
    }

    static void advanceTest(QicSimulation sim, Month now, Site s, double revertUniform, Behaviour.Learning b) {
        LocalTest test = s.test;
        int t = now.month();
        boolean done = test.advance(sim.registry.events(t, s.index), sim.registry.cases(t, s.index));
        if (!done) {
            return;
        }
        s.test = null;
        if (!test.looksBetter() && revertUniform < b.revertProbability()) {
            // Undo the change, not the months since: the practices it flipped get back their previous
            // state and fidelity (and, a dropped one, its routine hold, kept while it was dropped); the
            // others keep theirs, so a practice abandoned during the test stays abandoned (S7).
            int changed = test.changedPractices;
            s.bundle = s.bundle & ~changed | test.previousBundle & changed;
            for (int m = changed; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                s.fidelity[i] = test.previousFidelity[i];
            }
        }
    }

    /**
     * The PD to learn from, by positiveDeviance.matching ({@link DeviantMatching}): any (uniform among
     * Vis_j), similar (smallest Hamming distance, ties by index) or regional (uniform among same-region
     * PDs, else any). Uniform choices are keyed by site index so paired designs choose alike.
     */
    static int choosePd(QicSimulation sim, Month now, Site s, int[] visible, int[] bundles, MonthlyKey keys) {
        return DeviantMatching.of(now.collaborative().positiveDeviance().matching()).choose(sim, s, visible, bundles,
                keys);
    }

    /**
     * Copies min(breadth, #differing) practices chosen uniformly where the bundles differ; each is
     * copied correctly with probability 1 − e, else a different practice, chosen uniformly, is
     * flipped instead. e = copyError·(1−a)·(1 − copyVisited·[visited])·(1 − copyCodification·
     * codification·Qc)·(1 − copyChampion·c·L).
     */
    static void imitate(QicSimulation sim, Month now, Site s, int pd, int pdBundle, MonthlyKey keys,
            Behaviour.Learning b) {
        int n = sim.landscape.practices();
        int differ = s.bundle ^ pdBundle;
        int copies = Math.min(now.collaborative().positiveDeviance().breadth(), Integer.bitCount(differ));
        int[] chosen = KeyedChoice.several(keys.split(), n, i -> (differ >>> i & 1) == 1, copies);
        MonthlyKey errors = keys.split();
        double e = copyError(sim, now, s, pd, b);
        int previousBundle = s.bundle;
        double[] previousFidelity = s.fidelity.clone();
        double before = sim.landscape.quality(s.index, s.bundle);
        for (int practice : chosen) {
            boolean wrong = errors.nextDouble() < e;
            MonthlyKey instead = errors.split();
            if (wrong && n > 1) {
                flip(sim, s, KeyedChoice.one(instead, n, i -> i != practice));
            } else if (s.adopted(practice) != ((pdBundle >>> practice & 1) == 1)) {
                flip(sim, s, practice);
            }
        }
        sim.learning.imitations++;
        if (sim.landscape.quality(s.index, s.bundle) < before) {
            sim.learning.harmfulImitations++;
        }
        startTest(sim, now, s, previousBundle, previousFidelity);
    }

    static double copyError(QicSimulation sim, Month now, Site s, int pd, Behaviour.Learning b) {
        Collaborative.Coordination c = now.collaborative().coordination();
        double visited = Visibility.visitedWith(sim, now, s, pd) ? 1.0 : 0.0;
        return b.copyError() * (1.0 - s.endowment.absorptiveCapacity()) * (1.0 - b.copyVisited() * visited)
                * (1.0 - b.copyCodification() * c.codification() * sim.coordinationQuality())
                * (1.0 - b.copyChampion() * s.champion.presence());
    }

    /** Exploration: flip one uniformly chosen practice (keyed by practice). */
    static void explore(QicSimulation sim, Month now, Site s, MonthlyKey keys) {
        int practice = KeyedChoice.one(keys, sim.landscape.practices(), i -> true);
        change(sim, now, s, practice);
    }

    /** One change of one practice (exploration, socialisation), followed by a local test. */
    static void change(QicSimulation sim, Month now, Site s, int practice) {
        int previousBundle = s.bundle;
        double[] previousFidelity = s.fidelity.clone();
        flip(sim, s, practice);
        startTest(sim, now, s, previousBundle, previousFidelity);
    }

    /**
     * Toggles a practice. A newly adopted practice starts at newPracticeFidelity·φ*_j, a share of the
     * site's own equilibrium fidelity at its current effort and champion (S7 Fidelity), so it never
     * starts above what the site can sustain; its hold starts at 0 months, not routinised. A dropped
     * practice's hold is left as it was (a test's revert restores it with the bundle).
     */
    static void flip(QicSimulation sim, Site s, int practice) {
        s.bundle ^= 1 << practice;
        if (s.adopted(practice)) {
            Behaviour.Learning b = sim.scenario.behaviour().learning();
            s.fidelity[practice] = b.newPracticeFidelity()
                    * new Fidelity(b).equilibrium(s.drive.effort(), sim.fidelityLeadership(s, practice));
            s.routine.adopted(practice);
        }
    }

    /** A test of testMonths against the site's recorded crude rate over the testMonths ending now. */
    static void startTest(QicSimulation sim, Month now, Site s, int previousBundle, double[] previousFidelity) {
        int months = sim.scenario.behaviour().learning().testMonths();
        int events = 0;
        int cases = 0;
        for (int m = now.month() - months + 1; m <= now.month(); m++) {
            events += sim.registry.events(m, s.index);
            cases += sim.registry.cases(m, s.index);
        }
        s.test = new LocalTest(previousBundle, previousFidelity, previousBundle ^ s.bundle, events, cases, months,
                now.month());
    }
}
