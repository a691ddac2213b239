package org.qicsim.analysis.prim;

/**
 * One box of the PRIM trajectory.
 *
 * @param step     0 for the box holding every case, then one per peel (and per paste)
 * @param cases    cases in the box
 * @param support  cases in the box over all cases
 * @param coverage cases of interest in the box over all cases of interest
 * @param density  cases of interest in the box over cases in the box
 * @param move     what made this box from the previous one, e.g. {@code peel x low} or {@code paste x high}
 */
public record PeelStep(int step, int cases, double support, double coverage, double density, String move, Box box) {
}
