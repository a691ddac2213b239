package org.qicsim.model;

import java.util.BitSet;
import org.qicsim.scenario.Collaborative;

/**
 * Which of the positive deviants a site sees it learns from (MODEL.md §6 S7 imitation,
 * {@code positiveDeviance.matching}; Bradley et al. 2009: deviants are most persuasive to peers who
 * resemble them; regional groups as in the Michigan collaboratives' regional meetings, EVIDENCE.md
 * (a)6). Uniform choices are keyed by site index so paired designs choose alike. The scenario's flat
 * {@code matching} enum maps to one variant by an exhaustive switch.
 */
sealed interface DeviantMatching {

    /**
     * The PD site {@code s} learns from among {@code visible} (non-empty, ascending), given the PDs'
     * bundles, choosing on {@code keys} where the choice is uniform.
     */
    int choose(QicSimulation sim, Site s, int[] visible, int[] bundles, MonthlyKey keys);

    // The variants without parameters are shared instances, so of(), called inside monthly loops, allocates nothing.
    Any ANY = new Any();
    Similar SIMILAR = new Similar();
    Regional REGIONAL = new Regional();

    static DeviantMatching of(Collaborative.Matching matching) {
        return switch (matching) {
            case ANY -> ANY;
            case SIMILAR -> SIMILAR;
            case REGIONAL -> REGIONAL;
        };
    }

    /** The visible PDs as a set over site indices, for a keyed uniform choice among them. */
    private static BitSet set(QicSimulation sim, int[] visible) {
        BitSet in = new BitSet(sim.siteCount());
        for (int pd : visible) {
            in.set(pd);
        }
        return in;
    }

    /** Uniform among the visible PDs. */
    record Any() implements DeviantMatching {
        @Override
        public int choose(QicSimulation sim, Site s, int[] visible, int[] bundles, MonthlyKey keys) {
            BitSet in = set(sim, visible);
            return KeyedChoice.one(keys, sim.siteCount(), in::get);
        }
    }

    /** The visible PD with the smallest Hamming distance to the site's bundle, ties by index (no draw). */
    record Similar() implements DeviantMatching {
        @Override
        public int choose(QicSimulation sim, Site s, int[] visible, int[] bundles, MonthlyKey keys) {
            int best = visible[0];
            for (int pd : visible) {
                if (Integer.bitCount(bundles[pd] ^ s.bundle) < Integer.bitCount(bundles[best] ^ s.bundle)) {
                    best = pd;
                }
            }
            return best;
        }
    }

    /** Uniform among the visible PDs of the site's own region, else among all visible PDs. */
    record Regional() implements DeviantMatching {
        @Override
        public int choose(QicSimulation sim, Site s, int[] visible, int[] bundles, MonthlyKey keys) {
            BitSet in = set(sim, visible);
            int region = sim.region(s);
            boolean anySame = java.util.Arrays.stream(visible).anyMatch(pd -> sim.region(sim.sites[pd]) == region);
            return KeyedChoice.one(keys, sim.siteCount(),
                    pd -> in.get(pd) && (!anySame || sim.region(sim.sites[pd]) == region));
        }
    }
}
