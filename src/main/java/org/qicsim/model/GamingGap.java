package org.qicsim.model;

/**
 * The gaming diagnostic of MODEL.md §9: at a cycle, the members' reports are measured a second
 * time on the same draws as if no site had gamed ({@code G ≡ 0}); {@code gamingGap} is the mean,
 * over sites that gamed in the last 12 months, of P̂ − P̂(G≡0), and {@code gamingGapPooled} the same
 * for p̄. Negative values mean measured rates look better than the truth would have recorded. The
 * run keeps the values of its last cycle; 0 when no site gamed.
 */
final class GamingGap {
    private GamingGap() {
    }

    /**
     * The diagnostic's values at the last cycle that measured anyone, held by
     * {@link QicSimulation#gamingGap} (0 before any): §9 gamingGap and gamingGapPooled.
     */
    static final class Tally {
        double gap;
        double pooled;
    }

    static void measure(QicSimulation sim, Month now, boolean[] members, int from, int to,
            Measurement.Settings settings) {
        Measurement actual = sim.centre.latest();
        boolean any = false;
        for (Site s : sim.sites) {
            if (gamedRecently(now, s) && actual.has(s.index)) {
                any = true;
                break;
            }
        }
        if (!any) {
            sim.gamingGap.gap = 0.0;
            sim.gamingGap.pooled = 0.0;
            return;
        }
        // The same indicator as the reports (S3 or S3p), on the ungamed copy of the same records.
        Measurement honest = ProcessIndicator.measureUngamed(sim, members, from, to, settings,
                now.collaborative().measurement().indicator());
        boolean adjust = now.collaborative().measurement().reliabilityAdjustment();
        double sum = 0.0;
        int n = 0;
        for (Site s : sim.sites) {
            if (gamedRecently(now, s) && actual.has(s.index) && honest.has(s.index)) {
                sum += actual.reported(s.index, adjust) - honest.reported(s.index, adjust);
                n++;
            }
        }
        sim.gamingGap.gap = n == 0 ? 0.0 : sum / n;
        sim.gamingGap.pooled = actual.pooledRate - honest.pooledRate;
    }

    static boolean gamedRecently(Month now, Site s) {
        return s.gaming.lastMonth >= now.month() - 11;
    }
}
