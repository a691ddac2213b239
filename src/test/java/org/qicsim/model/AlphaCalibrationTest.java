package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qicsim.scenario.Scenario;

/**
 * α (MODEL.md §5 step 6) is a root of the baseline year's rate to the bisection tolerance, whichever
 * way the Newton steps found it: the two-month stand-in (michigan-style trend), the year itself
 * (no trend, where the year is weighted as one month, or a trend so steep that the stand-in is too
 * far off), or a target far from the guess. Each case is checked against the baseline year with
 * all twelve months written out, so the one-month form of a trendless year is checked too.
 */
class AlphaCalibrationTest {
    private static final long[] SEEDS = {1L, 20231201L, 987654321L};

    @ParameterizedTest
    @ValueSource(strings = {"environment.secularTrendPerYear=-0.03", "environment.secularTrendPerYear=0",
            "environment.secularTrendPerYear=1", "sites.baselineRate=0.01", "sites.baselineRate=0.6"})
    void alphaBracketsTheBaselineTarget(String set) {
        Scenario scenario = TestScenarios.defaults(set, "sites.count=20");
        for (long seed : SEEDS) {
            Streams streams = new Streams(seed, scenario.sites().count());
            World world = World.initialise(scenario, streams);
            SiteEndowment[] sites = new SiteEndowment[world.siteCount()];
            for (int j = 0; j < sites.length; j++) {
                sites[j] = world.site(j);
            }
            AlphaCalibration.Groups groups = AlphaCalibration.groups(scenario, world.landscape(), sites, streams);
            AlphaCalibration.Baseline year = new AlphaCalibration.Baseline(sites, groups.qualities(), groups.weights(),
                    world.gamma(), world.riskTable(), twelveMonths(scenario));
            double target = scenario.sites().baselineRate();
            double alpha = world.alpha();
            assertThat(year.rate(alpha - World.ALPHA_TOLERANCE, null)).as("%s seed %d below", set, seed)
                    .isLessThan(target);
            assertThat(year.rate(alpha + World.ALPHA_TOLERANCE, null)).as("%s seed %d above", set, seed)
                    .isGreaterThanOrEqualTo(target);
        }
    }

    @Test
    void executionsAreThoseOfExecutionExecute() {
        SplittableRandom setup = new SplittableRandom(42L);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + setup.nextInt(12);
            int bundle = setup.nextInt(1 << n);
            double[] fidelity = new double[n];
            for (int i = 0; i < n; i++) {
                // Edge values too: never, always, and a uniform's own value (U < φ is strict).
                int kind = setup.nextInt(4);
                fidelity[i] = kind == 0 ? 0.0 : kind == 1 ? 1.0 : setup.nextDouble();
            }
            long seed = setup.nextLong();
            int[] executed = new int[64];
            AlphaCalibration.executions(new SplittableRandom(seed), bundle, fidelity, new long[n], executed);
            SplittableRandom reference = new SplittableRandom(seed);
            for (int k = 0; k < executed.length; k++) {
                assertThat(executed[k]).isEqualTo(Execution.execute(reference, bundle, fidelity, n));
            }
        }
        // φ equal to a uniform that will be drawn: U < φ is false, as in Execution.execute.
        double u = new SplittableRandom(7L).nextDouble();
        int[] one = new int[1];
        AlphaCalibration.executions(new SplittableRandom(7L), 1, new double[] {u}, new long[1], one);
        assertThat(one[0]).isEqualTo(0);
        AlphaCalibration.executions(new SplittableRandom(7L), 1, new double[] {Math.nextUp(u)}, new long[1], one);
        assertThat(one[0]).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.03, -1.0})
    void theStandInPathIsTakenForAGentleTrendAndLeftForASteepOne(double trend) {
        Scenario scenario = TestScenarios.defaults("environment.secularTrendPerYear=" + trend, "sites.count=20");
        Streams streams = new Streams(SEEDS[1], scenario.sites().count());
        World world = World.initialise(scenario, streams);
        SiteEndowment[] sites = new SiteEndowment[world.siteCount()];
        for (int j = 0; j < sites.length; j++) {
            sites[j] = world.site(j);
        }
        AlphaCalibration.Groups g = AlphaCalibration.groups(scenario, world.landscape(), sites, streams);
        AlphaCalibration.Baseline year = new AlphaCalibration.Baseline(sites, g.qualities(), g.weights(),
                world.gamma(), world.riskTable(), AlphaCalibration.baselineMonths(12, trend));
        AlphaCalibration.Baseline standIn = new AlphaCalibration.Baseline(sites, g.qualities(), g.weights(),
                world.gamma(), world.riskTable(), AlphaCalibration.standInMonths(12, trend));
        double target = scenario.sites().baselineRate();
        double[] bracket = AlphaCalibration.newtonBracket(target,
                Logistic.logit(target) - AlphaCalibration.meanOffset(sites, g.qualities(), g.weights(), world.gamma()),
                standIn, year);
        // The year's own Newton path brackets its root by ±0.45 tolerance; the stand-in's path is one-sided.
        boolean symmetric = Math.abs(bracket[1] - bracket[0] - 0.9 * World.ALPHA_TOLERANCE) < 1e-14;
        assertThat(symmetric).isEqualTo(trend == -1.0);
        assertThat(bracket[1] - bracket[0]).isLessThanOrEqualTo(World.ALPHA_TOLERANCE);
        assertThat(bracket[2]).isBetween(bracket[0], bracket[1]);
        assertThat(bracket[2]).isEqualTo(world.alpha());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.03, 0.0, 1.0})
    void theStandInHasTheYearsMeanAndVarianceOfTheTrendTerm(double trend) {
        double[] year = twelveMonths(12, trend);
        double[] standIn = AlphaCalibration.standInMonths(12, trend);
        // In log space (the trend term τ = −log e^{−τ}), over equally weighted months.
        assertThat(mean(standIn, 1)).isCloseTo(mean(year, 1), Offset.offset(1e-14));
        assertThat(mean(standIn, 2)).isCloseTo(mean(year, 2), Offset.offset(1e-14));
    }

    private static double[] twelveMonths(Scenario scenario) {
        return twelveMonths(scenario.startMonth(), scenario.environment().secularTrendPerYear());
    }

    /** e^{−trend·t/12} for each of the twelve baseline months, even without a trend. */
    private static double[] twelveMonths(int start, double trend) {
        double[] month = new double[12];
        for (int t = start - 12; t < start; t++) {
            month[t - start + 12] = StrictMath.exp(-(trend * t / 12.0));
        }
        return month;
    }

    private static double mean(double[] factors, int power) {
        return Arrays.stream(factors).map(f -> StrictMath.pow(-StrictMath.log(f), power)).average().orElseThrow();
    }
}
