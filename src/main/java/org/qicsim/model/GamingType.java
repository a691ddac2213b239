package org.qicsim.model;

import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Sites;

/**
 * The four gaming types of MODEL.md §5 (after Bevan &amp; Hood 2006: saints, honest triers, reactive
 * gamers and rational maniacs), drawn once per site from one uniform against the cumulative shares.
 */
public enum GamingType {
    SAINT, HONEST_TRIER, REACTIVE_GAMER, RATIONAL_MANIAC;

    /** The type whose cumulative share first exceeds {@code u}; rounding leaves the last type. */
    static GamingType of(double u, Sites.GamingTypes shares) {
        double c = shares.saint();
        if (u < c) {
            return SAINT;
        }
        c += shares.honestTrier();
        if (u < c) {
            return HONEST_TRIER;
        }
        c += shares.reactiveGamer();
        if (u < c) {
            return REACTIVE_GAMER;
        }
        return RATIONAL_MANIAC;
    }

    /** The type's offset in the gaming logit (S2). */
    double offset(Behaviour.Gaming g) {
        return switch (this) {
            case SAINT -> g.offsetSaint();
            case HONEST_TRIER -> g.offsetHonestTrier();
            case REACTIVE_GAMER -> g.offsetReactiveGamer();
            case RATIONAL_MANIAC -> g.offsetRationalManiac();
        };
    }
}
