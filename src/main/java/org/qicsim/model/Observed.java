package org.qicsim.model;

/**
 * An observation measurement (MODEL.md §3 "Observation measurement"): S3 applied to the recorded
 * data of all sites over one window, never seen by agents. Arrays are indexed by site; NaN where a
 * site had no cases.
 *
 * @param pooledRate p̄
 * @param rsr risk-standardised rates
 * @param adjusted reliability-adjusted rates P̂
 * @param reliability R_j
 */
public record Observed(double pooledRate, double[] rsr, double[] adjusted, double[] reliability) {
    static Observed of(Measurement m) {
        return new Observed(m.pooledRate, m.rsr.clone(), m.adjusted.clone(), m.reliability.clone());
    }

    /** Mean over all sites of R_j, ignoring sites without cases. */
    public double meanReliability() {
        return RunResult.meanIgnoringNaN(reliability);
    }
}
