package org.qicsim.patterns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.RunSpec;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.ArmTrace;
import org.qicsim.model.RunResult;
import org.qicsim.patterns.ReviewSpec.Moderator;
import org.qicsim.patterns.ReviewSpec.Setting;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import org.qicsim.scenario.tree.Location;

/**
 * Runs a simulated review (docs/MODEL.md §14): for trial k = 0, 1, … it draws the trial's settings
 * from {@code Seeds.generator(DESIGN_SAMPLING, masterSeed, k)} (the follow-up first, then the
 * settings in file order, one uniform each), loads both arms with those settings (a setting marked
 * {@code arm: intervention} only in the intervention arm), and runs them as replicate k under run seed {@code Seeds.runSeed(masterSeed, k)}: the intervention arm and the
 * usual-care arm share the world, the sites and every random key (common random numbers). With the
 * counterfactual as usual care the pair is one run's two arms; with a usual-care scenario it is two
 * runs sharing one counterfactual. Draws happen on the calling thread in trial order, and results are
 * taken in run order, so the review is the same whatever the thread count.
 */
public final class ReviewHarness {

    /**
     * Between-site SD of intrinsic motivation at baseline: I0 ~ Beta(4, 2) (docs/MODEL.md §5), whose
     * SD is sqrt(4·2 / (6²·7)) = 0.17817; in the counterfactual arm I stays at I0.
     */
    public static final double INTRINSIC_SD = StrictMath.sqrt(8.0 / (36.0 * 7.0));

    private ReviewHarness() {
    }

    /** One simulated trial: its settings, the arms' baseline compliance and the difference. */
    public record Trial(int index, long runSeed, int followUpMonths, List<Object> settings, double baselineCompliance,
            double difference, double siteCiLow, double siteCiHigh) {
    }

    /**
     * A moderator's OLS coefficient with its standard error and 95% CI (NaN where the regression could
     * not be fitted).
     */
    public record Coefficient(Moderator moderator, double estimate, double standardError, double ciLow, double ciHigh) {
    }

    /** What a review found: its trials, quartiles, the median's CI and the moderators' coefficients. */
    public record Outcome(List<Trial> trials, double median, double medianLow, double medianHigh, double q1, double q3,
            List<Coefficient> coefficients) {
    }

    /**
     * Draws and runs {@code trials} trials.
     *
     * @param extra overrides applied to both arms of every trial before the trial's settings (e.g. the
     *     free parameters of a calibration)
     */
    public static Outcome run(ReviewSpec spec, List<KeyOverride> extra, long masterSeed, int trials, RunExecutor executor)
            throws ScenarioException, InterruptedException, IOException {
        return run(spec, extra, null, masterSeed, trials, executor);
    }

    /**
     * As {@link #run(ReviewSpec, List, long, int, RunExecutor)}, trial k applying {@code draws.get(k)}
     * to both arms after {@code extra} and before the trial's settings (a posterior draw per trial,
     * {@code qicsim patterns --parameters}); null for none.
     */
    public static Outcome run(ReviewSpec spec, List<KeyOverride> extra, List<List<KeyOverride>> draws, long masterSeed,
            int trials, RunExecutor executor) throws ScenarioException, InterruptedException, IOException {
        // Each arm's files are parsed once; every trial loads them with its own settings.
        ScenarioLoader.Chain interventionFiles = ScenarioLoader.chain(spec.intervention());
        ScenarioLoader.Chain controlFiles = spec.control() == null ? null : ScenarioLoader.chain(spec.control());
        int start = interventionFiles.load(extra).scenario().startMonth();
        List<RunSpec> runs = new ArrayList<>();
        List<Trial> drawn = new ArrayList<>();
        for (int k = 0; k < trials; k++) {
            SplittableRandom random = Seeds.generator(Seeds.Purpose.DESIGN_SAMPLING, masterSeed, k);
            int followUp = (int) ((Number) spec.followUp().draw(random)).longValue();
            List<Object> values = new ArrayList<>();
            List<KeyOverride> both = new ArrayList<>(extra);
            if (draws != null) {
                both.addAll(draws.get(k));
            }
            List<KeyOverride> interventionOnly = new ArrayList<>();
            Map<String, Location> origins = new LinkedHashMap<>();
            long sites = 0;
            for (Setting s : spec.settings()) {
                Object v = s.draw(random);
                values.add(v);
                if (Setting.SITES_KEY.equals(s.key())) {
                    sites = ((Number) v).longValue();
                }
                String origin = "trial setting " + s.name();
                origins.put(origin, s.at());
                (s.interventionOnly() ? interventionOnly : both).add(KeyOverride.of(s.key(), s.applied(v, sites), origin));
            }
            both.add(KeyOverride.of("horizonMonths", start + Math.max(12, followUp), "trial follow-up"));
            origins.put("trial follow-up", spec.followUp().at());
            long seed = Seeds.runSeed(masterSeed, k);
            List<KeyOverride> treated = new ArrayList<>(both);
            treated.addAll(interventionOnly);
            ResolvedScenario intervention = load(interventionFiles, treated, origins, k);
            runs.add(new RunSpec(new DesignSpec(1, "intervention", intervention), k, seed));
            if (spec.control() != null) {
                ResolvedScenario control = load(controlFiles, both, origins, k);
                if (!control.worldSha256().equals(intervention.worldSha256())) {
                    throw new IllegalArgumentException("usual-care arm " + spec.control() + " does not share the world of "
                            + spec.intervention() + " (docs/MODEL.md §3): a trial's arms must differ only in the collaborative");
                }
                runs.add(new RunSpec(new DesignSpec(2, "usual-care", control), k, seed));
            } else if (spec.measure() == ReviewSpec.Measure.INTRINSIC_D) {
                throw new IllegalArgumentException("intrinsicMotivationD needs a usual-care scenario as control");
            }
            drawn.add(new Trial(k, seed, followUp, values, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        double[] baseline = new double[trials];
        double[] differences = new double[trials];
        double[][] siteCi = new double[trials][];
        RunResult[] interventionArm = new RunResult[trials];
        executor.execute(runs, new CounterfactualCache(runs), (run, result) -> {
            int k = run.replicate();
            int end = start + drawn.get(k).followUpMonths() - 1;
            if (spec.control() == null) {
                baseline[k] = result.counterfactual().meanCompliance(start - 1);
                Estimate e = Estimates.of(siteDifferences(result.factual(), result.counterfactual(), start - 1, end));
                differences[k] = e.mean();
                siteCi[k] = new double[] {e.ciLow(), e.ciHigh()};
            } else if (run.design().point() == 1) {
                interventionArm[k] = result;
            } else {
                RunResult treated = interventionArm[k];
                interventionArm[k] = null;
                baseline[k] = result.factual().meanCompliance(start - 1);
                if (spec.measure() == ReviewSpec.Measure.COMPLIANCE) {
                    Estimate e = Estimates.of(siteDifferences(treated.factual(), result.factual(), start - 1, end));
                    differences[k] = e.mean();
                    siteCi[k] = new double[] {e.ciLow(), e.ciHigh()};
                } else {
                    differences[k] = ((intrinsic(treated, end) - intrinsic(treated, start - 1))
                            - (intrinsic(result, end) - intrinsic(result, start - 1))) / INTRINSIC_SD;
                    siteCi[k] = new double[] {Double.NaN, Double.NaN};
                }
            }
        });
        List<Trial> done = new ArrayList<>();
        for (Trial t : drawn) {
            done.add(new Trial(t.index(), t.runSeed(), t.followUpMonths(), t.settings(), baseline[t.index()],
                    differences[t.index()], siteCi[t.index()][0], siteCi[t.index()][1]));
        }
        return summarise(spec, done);
    }

    private static final int MEAN_INTRINSIC = 8;

    private static double intrinsic(RunResult r, int t) {
        return r.timeseriesRow(t)[MEAN_INTRINSIC];
    }

    /** Quartiles, the median's order-statistic CI and the moderators' regression over the trials. */
    static Outcome summarise(ReviewSpec spec, List<Trial> trials) {
        double[] sorted = trials.stream().mapToDouble(Trial::difference).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double[] ci = Quantiles.medianInterval(sorted);
        return new Outcome(trials, Quantiles.type7(sorted, 0.5), ci[0], ci[1], Quantiles.type7(sorted, 0.25),
                Quantiles.type7(sorted, 0.75), coefficients(spec, trials));
    }

    /**
     * One OLS of the trials' differences on every expressible moderator at once (with an intercept);
     * each coefficient's 95% CI is estimate ± t(0.975; n − p − 1)·SE.
     */
    static List<Coefficient> coefficients(ReviewSpec spec, List<Trial> trials) {
        List<Moderator> used = spec.moderators().stream().filter(m -> m.notExpressible() == null).toList();
        List<Coefficient> out = new ArrayList<>();
        if (used.isEmpty()) {
            return out;
        }
        List<Trial> valid = trials.stream().filter(t -> !Double.isNaN(t.difference()) && !Double.isNaN(t.baselineCompliance())).toList();
        double[] y = new double[valid.size()];
        double[][] x = new double[valid.size()][used.size()];
        for (int i = 0; i < valid.size(); i++) {
            Trial t = valid.get(i);
            y[i] = t.difference();
            for (int m = 0; m < used.size(); m++) {
                x[i][m] = value(spec, used.get(m), t);
            }
        }
        double[] beta;
        double[] se;
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, x);
            beta = ols.estimateRegressionParameters();
            se = ols.estimateRegressionParametersStandardErrors();
        } catch (IllegalArgumentException e) { // includes SingularMatrixException: a constant or collinear moderator
            for (Moderator m : used) {
                out.add(new Coefficient(m, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
            return out;
        }
        double t = new TDistribution(null, valid.size() - used.size() - 1.0).inverseCumulativeProbability(0.975);
        for (int m = 0; m < used.size(); m++) {
            out.add(new Coefficient(used.get(m), beta[m + 1], se[m + 1], beta[m + 1] - t * se[m + 1], beta[m + 1] + t * se[m + 1]));
        }
        return out;
    }

    /** A moderator's regressor for one trial. */
    static double value(ReviewSpec spec, Moderator m, Trial t) {
        if (m.variable().equals("baselineCompliance")) {
            return t.baselineCompliance();
        }
        for (int i = 0; i < spec.settings().size(); i++) {
            if (spec.settings().get(i).name().equals(m.variable())) {
                Object v = t.settings().get(i);
                if (m.level() != null) {
                    return v.equals(m.level()) ? 1 : 0;
                }
                if (v instanceof Boolean b) {
                    return b ? 1 : 0;
                }
                return ((Number) v).doubleValue();
            }
        }
        throw new IllegalArgumentException("no trial setting " + m.variable());
    }

    /** Human-readable number for reasons. */
    static String fmt(double x) {
        return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.4g", x);
    }

    private static ResolvedScenario load(ScenarioLoader.Chain arm, List<KeyOverride> overrides, Map<String, Location> origins,
            int k) throws ScenarioException {
        try {
            return arm.load(overrides);
        } catch (ScenarioException e) {
            throw e.relocated(origins, " [simulated trial " + k + "]");
        }
    }

    /**
     * Baseline-adjusted compliance differences between two arms on the same sites, one per site:
     * (a(t) − a(b)) − (c(t) − c(b)), both arms scored at each month on the practices the intervention arm
     * {@code a} promotes that month (PATTERNS.md: "in a trial the desired practice is the one the
     * intervention promotes"; a trial measures both arms against the same practice, docs/MODEL.md §10
     * item 78); NaN for a site with a missing value in either arm. Their mean (NaN left out) is the
     * trial's difference.
     */
    public static double[] siteDifferences(ArmTrace a, ArmTrace c, int b, int t) {
        int atB = a.promoted(b);
        int atT = a.promoted(t);
        double[] d = new double[a.sites()];
        for (int j = 0; j < a.sites(); j++) {
            d[j] = (a.compliance(t, j, atT) - a.compliance(b, j, atB)) - (c.compliance(t, j, atT) - c.compliance(b, j, atB));
        }
        return d;
    }
}
