package org.qicsim.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.LocalPool;
import org.qicsim.patterns.ReviewSpec.DistributionKind;
import org.qicsim.patterns.ReviewSpec.Measure;
import org.qicsim.patterns.ReviewSpec.Moderator;
import org.qicsim.patterns.ReviewSpec.Setting;
import org.qicsim.scenario.tree.Location;

/** The simulated-review harness recovers effects planted by construction. */
class ReviewHarnessTest {
    private static final Location HERE = Location.ofFile("test");
    private static final Path USUAL_CARE = Path.of("scenarios", "patterns", "arms", "usual-care.yaml");

    private static Setting fixedFollowUp(int months) {
        return new Setting(null, null, DistributionKind.UNIFORM, months, months, true, null, false, false, null, HERE);
    }

    /**
     * A planted null effect, exactly: a trial whose two arms are the same scenario, under common random
     * numbers, must give a difference of exactly 0 in every trial (any leak of randomness between the
     * arms, or a pairing of the wrong runs, would show), with drawn settings that differ between trials.
     */
    @Test
    void identicalArmsOnOneWorldDifferByExactlyZero() throws Exception {
        Setting sites = new Setting("sites", "sites.count", DistributionKind.UNIFORM, 4, 8, true, null, false, false, null, HERE);
        Setting adoption = new Setting("adoption", "practices.initialAdoption", DistributionKind.UNIFORM, 0.2, 0.8, false,
                null, false, false, null, HERE);
        ReviewSpec spec = new ReviewSpec(USUAL_CARE, USUAL_CARE, Measure.COMPLIANCE, fixedFollowUp(6),
                List.of(sites, adoption), null, List.of(), null);
        ReviewHarness.Outcome o;
        try (LocalPool pool = new LocalPool(2)) {
            o = ReviewHarness.run(spec, List.of(), 7, 6, pool);
        }
        assertThat(o.trials()).hasSize(6);
        assertThat(o.trials()).extracting(ReviewHarness.Trial::difference).containsOnly(0.0);
        assertThat(o.trials().stream().map(t -> t.settings().get(0)).distinct().count()).isGreaterThan(1);
        assertThat(o.median()).isEqualTo(0.0);
    }

    /**
     * A setting of the intervention alone ({@code arm: intervention}) reaches only the intervention arm:
     * the same usual-care scenario in both arms, with 24 site visits a year in the intervention arm only
     * and quarterly feedback in both, over 24 months, must give a non-zero difference in some trial (the
     * arms would be identical, difference exactly 0, if the visits reached both).
     */
    @Test
    void interventionOnlySettingsReachOnlyTheInterventionArm() throws Exception {
        Setting sites = new Setting("sites", "sites.count", DistributionKind.UNIFORM, 10, 10, true, null, false, false, null, HERE);
        Setting feedback = new Setting("feedback", "collaborative.feedback.everyMonths", DistributionKind.UNIFORM, 3, 3, true,
                null, false, false, null, HERE);
        Setting visits = new Setting("visits", "collaborative.community.siteVisitsPerYear", DistributionKind.UNIFORM, 24, 24,
                true, null, true, false, null, HERE);
        ReviewSpec spec = new ReviewSpec(USUAL_CARE, USUAL_CARE, Measure.COMPLIANCE, fixedFollowUp(24),
                List.of(sites, feedback, visits), null, List.of(), null);
        ReviewHarness.Outcome o;
        try (LocalPool pool = new LocalPool(2)) {
            o = ReviewHarness.run(spec, List.of(), 7, 3, pool);
        }
        assertThat(o.trials()).extracting(ReviewHarness.Trial::difference).anyMatch(d -> d != 0.0);
    }

    /**
     * A planted effect through the review's statistics: 400 trials whose difference is 0.04 − 0.1 ×
     * (baseline compliance − 0.5) + N(0, 0.03²), baseline compliance uniform on [0, 1], so the true
     * median difference is 0.04 and the true moderator coefficient −0.1. Criterion: the median lies
     * within 3 SE of 0.04 (SE from the order-statistic 95% interval, half-width / 1.96), the coefficient
     * within 3 SE of −0.1 with its 95% CI excluding 0, and the quartiles within 3 SE of the true ones
     * (found by numerical integration of the planted distribution below); a quartile's SE is the
     * median's times 1.03, the ratio of their asymptotic SDs sqrt(p(1 − p))/f(q) for this density
     * (f ≈ 9.04 at the median, 7.63 at the quartiles).
     */
    @Test
    void plantedMedianAndModeratorAreRecovered() {
        SplittableRandom random = new SplittableRandom(20231201L);
        List<ReviewHarness.Trial> trials = new ArrayList<>();
        for (int k = 0; k < 400; k++) {
            double b = random.nextDouble();
            double noise = 0.03 * gaussian(random);
            trials.add(new ReviewHarness.Trial(k, k, 12, List.of(), b, 0.04 - 0.1 * (b - 0.5) + noise, Double.NaN, Double.NaN));
        }
        Moderator baseline = new Moderator("baseline", "baselineCompliance", null, -1, null, HERE);
        ReviewSpec spec = new ReviewSpec(USUAL_CARE, null, Measure.COMPLIANCE, fixedFollowUp(12), List.of(), null,
                List.of(baseline), null);
        ReviewHarness.Outcome o = ReviewHarness.summarise(spec, trials);
        double se = (o.medianHigh() - o.medianLow()) / (2 * 1.959963984540054);
        assertThat(Math.abs(o.median() - 0.04)).isLessThanOrEqualTo(3 * se);
        ReviewHarness.Coefficient c = o.coefficients().get(0);
        double coefSe = (c.ciHigh() - c.ciLow()) / (2 * 1.966);
        assertThat(Math.abs(c.estimate() + 0.1)).isLessThanOrEqualTo(3 * coefSe);
        assertThat(c.ciHigh()).isLessThan(0.0);
        double trueQ1 = 0.04 - quartileOffset();
        assertThat(Math.abs(o.q1() - trueQ1)).isLessThanOrEqualTo(3 * 1.03 * se);
        assertThat(Math.abs(o.q3() - (0.08 - trueQ1))).isLessThanOrEqualTo(3 * 1.03 * se);
    }

    /** The upper quartile's offset from the centre of U(−0.05, 0.05) + N(0, 0.03²), by bisection on its CDF. */
    private static double quartileOffset() {
        double lo = 0;
        double hi = 0.1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < 0.75) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** P(U + Z ≤ x), U ~ U(−0.05, 0.05), Z ~ N(0, 0.03²), by the midpoint rule over U. */
    private static double cdf(double x) {
        int n = 20_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = -0.05 + 0.1 * (i + 0.5) / n;
            sum += new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 0.03).cumulativeProbability(x - u);
        }
        return sum / n;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: two uniforms, one normal.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** A per-site setting sets its key to the draw times the trial's sites, rounded; any other setting to the draw. */
    @Test
    void aPerSiteSettingScalesByTheTrialsSites() {
        Setting perSite = new Setting("visits", "collaborative.community.siteVisitsPerYear", DistributionKind.UNIFORM, 1, 3,
                false, null, true, true, null, HERE);
        Setting total = new Setting("visits", "collaborative.community.siteVisitsPerYear", DistributionKind.UNIFORM, 1, 3,
                false, null, true, false, null, HERE);
        assertThat(perSite.applied(2.5, 17)).isEqualTo(43L);
        assertThat(perSite.applied(1.2, 10)).isEqualTo(12L);
        assertThat(total.applied(2.5, 17)).isEqualTo(2.5);
    }

    /** The order-statistic interval of the median uses the ranks of Conover's normal approximation. */
    @Test
    void medianIntervalTakesTheBinomialRanks() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        // n = 100: j = floor(50 − 9.8) = 40, k = ceil(51 + 9.8) = 61.
        assertThat(Quantiles.medianInterval(sorted)).containsExactly(40.0, 61.0);
        assertThat(Quantiles.type7(sorted, 0.25)).isEqualTo(25.75);
    }
}
