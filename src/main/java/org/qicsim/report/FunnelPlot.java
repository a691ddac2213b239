package org.qicsim.report;

/**
 * Funnel-plot arithmetic (Spiegelhalter, Statistics in Medicine 2005): a site with {@code n}
 * patients is outside the limits at level z when its rate differs from the pooled rate {@code p}
 * by more than {@code z·√(p(1−p)/n)} (the normal approximation to the binomial). The report takes
 * a site's patients in a year as 12 × its monthly volume, since baseline and final rates are
 * 12-month rates (results/README.md).
 */
final class FunnelPlot {
    /** Two-sided 95%: z = 1.959964. */
    static final double Z95 = 1.959963984540054;
    /** Two-sided 99.8%: z = 3.090232. */
    static final double Z998 = 3.090232306167813;

    private FunnelPlot() {
    }

    /** The lower ({@code side} −1) or upper (+1) limit at {@code n} patients. */
    static double limit(double pooled, double n, double z, int side) {
        return pooled + side * z * Math.sqrt(pooled * (1 - pooled) / n);
    }

    /** Pooled rate: the patient-weighted mean of the finite rates. */
    static double pooled(double[] patients, double[] rates) {
        double events = 0;
        double total = 0;
        for (int i = 0; i < rates.length; i++) {
            if (Double.isFinite(rates[i]) && Double.isFinite(patients[i]) && patients[i] > 0) {
                events += rates[i] * patients[i];
                total += patients[i];
            }
        }
        return total > 0 ? events / total : Double.NaN;
    }

    /** How many sites lie beyond the limit on {@code side} at level z. */
    static int outside(double[] patients, double[] rates, double pooled, double z, int side) {
        int count = 0;
        for (int i = 0; i < rates.length; i++) {
            if (Double.isFinite(rates[i]) && Double.isFinite(patients[i]) && patients[i] > 0) {
                double l = limit(pooled, patients[i], z, side);
                if (side > 0 ? rates[i] > l : rates[i] < l) {
                    count++;
                }
            }
        }
        return count;
    }
}
