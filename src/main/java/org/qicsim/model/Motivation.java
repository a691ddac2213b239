package org.qicsim.model;

import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S6 Motivation (MODEL.md §6 S6; Deci, Koestner &amp; Ryan 1999 and Frey on crowding out; Kahneman
 * &amp; Tversky on loss aversion). Effective motivation {@code M = I + extrinsicWeight·s_inc·X̂ +
 * reputationWeight·Rep}; intrinsic motivation is crowded in by supportive levers (recognition,
 * formative feedback) and crowded out by controlling ones (salient pay the clinicians had no voice
 * in, public bad ranks, withheld pay, punitive data use), reverting toward I0.
 */
final class Motivation {
    private Motivation() {
    }

    /**
     * M = I + extrinsicWeight·s_inc·X̂ + reputationWeight·vis·badRank + extrinsicWeight·Rec. Rec is the
     * value of recognition received this collaborative year (see {@link #recognition}); it adds to the
     * extrinsic pull like expected pay but enters no controlling term: it is not contingent on a target
     * the site chose to meet, and unexpected, non-contingent rewards do not undermine intrinsic
     * motivation (Deci, Koestner &amp; Ryan 1999, PATTERNS.md C6's moderator).
     */
    static double effective(Behaviour.Motivation b, double intrinsic, double salience, double expectedAttainment,
            double visibility, boolean badRank, double recognition) {
        return intrinsic + b.extrinsicWeight() * salience * expectedAttainment
                + b.reputationWeight() * visibility * (badRank ? 1.0 : 0.0)
                + b.extrinsicWeight() * recognition;
    }

    /**
     * Rec = [showcased this collaborative year]·min(1, recognitionValue/qiBudget): the worth of being
     * showcased, on the scale of the site's QI budget as in the participation value (S9), held for the
     * rest of the year in which it came.
     */
    static double recognition(Collaborative c, double qiBudget, boolean showcasedThisYear) {
        return showcasedThisYear ? Math.min(1.0, c.incentives().recognitionValue() / qiBudget) : 0.0;
    }

    /**
     * Controlling = s_inc·(1 − Voice)·(1 + [public]·badRank)·(lossAversion if withhold, else 1)
     * + [punitive].
     */
    static double controlling(Collaborative c, double salience, boolean badRank) {
        Collaborative.Performance p = c.incentives().performance();
        double voice = switch (p.setBy()) {
            case CLINICIANS -> 1.0;
            case PAYER -> 0.0;
        };
        double publicBadRank = c.incentives().publicReporting() && badRank ? 1.0 : 0.0;
        double loss = IncentiveDesign.of(p).withholds() ? p.lossAversion() : 1.0;
        double punitive = DataUseStance.of(c.community().dataUse()).punitive();
        return salience * (1.0 - voice) * (1.0 + publicBadRank) * loss + punitive;
    }

    /** Supportive = recognitionSupport·[recognised] + formativeSupport·[formative and a report came]. */
    static double supportive(Behaviour.Motivation b, Collaborative c, boolean recognised, boolean reportCame) {
        boolean formative = DataUseStance.of(c.community().dataUse()).formative();
        return b.recognitionSupport() * (recognised ? 1.0 : 0.0)
                + b.formativeSupport() * (formative && reportCame ? 1.0 : 0.0);
    }

    /** I + crowdIn·Supportive·(1−I) − crowdOut·Controlling·I + reversion·(I0 − I). */
    static double nextIntrinsic(Behaviour.Motivation b, double intrinsic, double intrinsic0, double supportive,
            double controlling) {
        return intrinsic + b.crowdIn() * supportive * (1.0 - intrinsic) - b.crowdOut() * controlling * intrinsic
                + b.reversion() * (intrinsic0 - intrinsic);
    }
}
