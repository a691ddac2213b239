package org.qicsim.analysis;

import org.qicsim.results.MetricSummary;

/**
 * An estimate with its 95% prediction interval over replicates: where one more replicate would
 * fall, {@code mean ± t(0.975; n − 1) · sd · √(1 + 1/n)} (normal theory). When every replicate
 * runs its own parameter draw from a posterior sample ({@code --parameters}), this interval carries
 * the parameter uncertainty, while the confidence interval of the mean shows only how many
 * replicates were run (PATTERNS.md, "Intervals that include what we do not know").
 */
public record PredictionInterval(Estimate estimate, double piLow, double piHigh) implements MetricSummary {

    /** The prediction interval of an estimate (NaN ends for fewer than 2 values). */
    public static PredictionInterval of(Estimate e) {
        if (e.n() < 2 || Double.isNaN(e.sd())) {
            return new PredictionInterval(e, Double.NaN, Double.NaN);
        }
        double half = Estimates.tQuantile(1 - (1 - Estimates.DEFAULT_LEVEL) / 2, e.n() - 1) * e.sd()
                * StrictMath.sqrt(1 + 1.0 / e.n());
        return new PredictionInterval(e, e.mean() - half, e.mean() + half);
    }

    @Override
    public double mean() {
        return estimate.mean();
    }

    @Override
    public double ciLow() {
        return estimate.ciLow();
    }

    @Override
    public double ciHigh() {
        return estimate.ciHigh();
    }

    @Override
    public double sd() {
        return estimate.sd();
    }

    @Override
    public int n() {
        return estimate.n();
    }

    @Override
    public boolean hasPredictionInterval() {
        return true;
    }
}
