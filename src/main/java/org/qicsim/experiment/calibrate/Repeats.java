package org.qicsim.experiment.calibrate;

/**
 * One statistic evaluated several times at each of several parameter points: each point's mean over
 * its defined (finite) values, their count, and the simulator's variance of one evaluation estimated as
 * the within-point variance pooled over the points (docs/CALIBRATION.md "The second method", step 3).
 * History matching's emulators take it as their nugget; the point estimate as its noise.
 *
 * @param means each point's mean (NaN where no value is defined)
 * @param counts each point's defined values
 * @param pooledVariance Σ within-point squares / Σ (count − 1); NaN with no degree of freedom
 */
record Repeats(double[] means, int[] counts, double pooledVariance) {

    /** The summary of {@code values[point][repeat]}; undefined (non-finite) values are left out. */
    static Repeats of(double[][] values) {
        double[] means = new double[values.length];
        int[] counts = new int[values.length];
        double within = 0;
        int df = 0;
        for (int p = 0; p < values.length; p++) {
            double sum = 0;
            int c = 0;
            for (double v : values[p]) {
                if (Double.isFinite(v)) {
                    sum += v;
                    c++;
                }
            }
            counts[p] = c;
            if (c == 0) {
                means[p] = Double.NaN;
                continue;
            }
            double mean = sum / c;
            means[p] = mean;
            for (double v : values[p]) {
                if (Double.isFinite(v)) {
                    within += (v - mean) * (v - mean);
                }
            }
            df += c - 1;
        }
        return new Repeats(means, counts, df == 0 ? Double.NaN : within / df);
    }
}
