package org.qicsim.model;

/**
 * The two arms of a run (MODEL.md §3): the collaborative as designed, and the counterfactual world
 * with the same random keys and no collaborative.
 */
public enum Arm {
    COLLABORATIVE, COUNTERFACTUAL
}
