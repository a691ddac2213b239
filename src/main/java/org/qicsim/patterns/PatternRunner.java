package org.qicsim.patterns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.analysis.IndependentDifference;
import org.qicsim.analysis.PairedDifference;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.Features;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.patterns.ChecksSpec.Check;
import org.qicsim.patterns.ChecksSpec.Design;
import org.qicsim.patterns.ReviewHarness.Coefficient;
import org.qicsim.patterns.ReviewHarness.Outcome;
import org.qicsim.patterns.ReviewHarness.Trial;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;

/**
 * Evaluates one pattern: runs it on an executor and judges it by its criterion, giving one line of
 * the scorecard with the run tables behind it. The entry point for {@code qicsim patterns} and for a
 * calibration, which passes its free parameters' values as extra overrides:
 *
 * <pre>
 *   PatternResult r = PatternRunner.evaluate(pattern, List.of(KeyOverride.of("behaviour.effort.gapWeight", 0.5, "calibration")),
 *           masterSeed, 0, executor);   // 0: the pattern's own replicates (trials of a review)
 * </pre>
 * Results depend only on the pattern, the overrides, the master seed and the replicate count, never
 * on the executor's thread count.
 */
public final class PatternRunner {

    private PatternRunner() {
    }

    /**
     * Runs and judges {@code pattern}.
     *
     * @param extra      overrides applied to every scenario the pattern runs (after the pattern's own
     *                   file and before its designs' settings and a review's trial settings)
     * @param masterSeed master seed of its runs (the pattern file's {@code seed} is the usual choice)
     * @param replicates replicates per design, or trials of a review; 0 or less for the pattern's own
     * @throws ScenarioException      if a scenario the pattern names is invalid with these overrides
     * @throws InterruptedException   if interrupted
     */
    public static PatternResult evaluate(Pattern pattern, List<KeyOverride> extra, long masterSeed, int replicates,
            RunExecutor executor) throws ScenarioException, InterruptedException, IOException {
        return evaluate(pattern, extra, masterSeed, replicates, null, executor);
    }

    /**
     * Parameter draws for a pattern's replicates ({@code qicsim patterns --parameters}): replicate k
     * of every design, or trial k of a review, runs draw k's values, the same draw for every design
     * so that the pattern's differences stay paired draw by draw.
     */
    public interface ReplicateDraws {
        /** The sample's file, as the scorecard names it. */
        String source();

        /** Each replicate's draw as overrides, in replicate order, as {@code run --parameters} assigns them. */
        List<List<KeyOverride>> overrides(int replicates, long masterSeed);

        /** The sample's parameters (scenario key paths), in the order of {@link #assignment}'s values. */
        List<String> parameters();

        /**
         * Replicate k's draw as {@link #overrides} assigns it: k, its sample row, its draw id and its
         * values, for the results folder's record of which draw each replicate ran.
         */
        List<List<Object>> assignment(int replicates, long masterSeed);
    }

    /**
     * The draws a pattern asked for, by replicate count (designs with different counts draw apart,
     * since a weighted sample is resampled into one row per replicate), kept for its {@code parameters}
     * table: the pattern folder then says which draw each replicate ran, as {@code compare}'s
     * parameters.csv does.
     */
    private static final class Recorded implements ReplicateDraws {
        private final ReplicateDraws draws;
        private final long masterSeed;
        private final Set<Integer> counts = new LinkedHashSet<>();

        Recorded(ReplicateDraws draws, long masterSeed) {
            this.draws = draws;
            this.masterSeed = masterSeed;
        }

        @Override
        public String source() {
            return draws.source();
        }

        @Override
        public List<List<KeyOverride>> overrides(int replicates, long seed) {
            counts.add(replicates);
            return draws.overrides(replicates, seed);
        }

        @Override
        public List<String> parameters() {
            return draws.parameters();
        }

        @Override
        public List<List<Object>> assignment(int replicates, long seed) {
            return draws.assignment(replicates, seed);
        }

        /** One row per replicate of every count asked for: the count, then {@link #assignment}'s columns. */
        Table table() {
            List<String> header = new ArrayList<>(List.of("replicates", "replicate", "row", "draw"));
            header.addAll(parameters());
            List<List<Object>> out = new ArrayList<>();
            for (int n : counts) {
                for (List<Object> row : assignment(n, masterSeed)) {
                    List<Object> line = new ArrayList<>();
                    line.add(n);
                    line.addAll(row);
                    out.add(line);
                }
            }
            return new Table("parameters", header, out);
        }
    }

    /**
     * As {@link #evaluate(Pattern, List, long, int, RunExecutor)}, replicate k running draw k of
     * {@code draws} (null: none), applied after {@code extra} and before the designs' and trials'
     * own settings, which the pattern fixes on purpose. The draws follow from {@code masterSeed}
     * alone (not a design's seed offset), so replicate k has the same draw in every design.
     */
    public static PatternResult evaluate(Pattern pattern, List<KeyOverride> extra, long masterSeed, int replicates,
            ReplicateDraws draws, RunExecutor executor) throws ScenarioException, InterruptedException, IOException {
        int n = replicates > 0 ? replicates : pattern.replicates();
        Pattern.Body body = pattern.body();
        Recorded recorded = draws == null ? null : new Recorded(draws, masterSeed);
        draws = recorded;
        PatternResult r;
        if (body instanceof ReviewSpec review) {
            r = review(pattern, review, ReviewHarness.run(review, extra,
                    draws == null ? null : draws.overrides(n, masterSeed), masterSeed, n, executor));
        } else if (body instanceof ChecksSpec checks) {
            r = checks(pattern, checks, extra, draws, masterSeed, replicates, executor);
        } else if (body instanceof FeaturesSpec features) {
            r = features(pattern, features, extra, draws, masterSeed, n, executor);
        } else {
            return PatternResult.notExpressible(pattern, ((Pattern.NotExpressibleSpec) body).reason());
        }
        if (draws == null) {
            return r;
        }
        return new PatternResult(r.id(), r.set(), r.title(), r.metric(), r.estimate(), r.ciLow(), r.ciHigh(), r.bandLow(),
                r.bandHigh(), r.verdict(), "with the posterior (" + draws.source() + ", draw k for replicate k): "
                        + r.reason(), withTable(r.tables(), recorded.table()));
    }

    private static List<Table> withTable(List<Table> tables, Table more) {
        List<Table> all = new ArrayList<>(tables);
        all.add(more);
        return all;
    }

    /**
     * Each replicate's scenario of one design: {@code load} given that replicate's draw, loaded once
     * per distinct draw (draws are reused when there are fewer than replicates).
     */
    private static List<ResolvedScenario> perReplicate(List<List<KeyOverride>> draws, DrawLoader load)
            throws ScenarioException {
        Map<List<KeyOverride>, ResolvedScenario> byDraw = new HashMap<>();
        List<ResolvedScenario> out = new ArrayList<>();
        for (List<KeyOverride> draw : draws) {
            ResolvedScenario s = byDraw.get(draw);
            if (s == null) {
                s = load.load(draw);
                byDraw.put(draw, s);
            }
            out.add(s);
        }
        return out;
    }

    /** A design's scenario with one draw's overrides. */
    @FunctionalInterface
    private interface DrawLoader {
        ResolvedScenario load(List<KeyOverride> draw) throws ScenarioException;
    }

    // ---- reviews ------------------------------------------------------------------------------

    /** Applies PATTERNS.md's criterion for a component target to a review's outcome. */
    static PatternResult review(Pattern p, ReviewSpec spec, Outcome o) {
        if (spec.share() != null) {
            return share(p, spec, o);
        }
        List<String> parts = new ArrayList<>();
        boolean failed = false;
        List<String> unexpressed = new ArrayList<>();
        ReviewSpec.Published pub = spec.published();
        boolean a = o.medianLow() <= pub.bandHigh() && o.medianHigh() >= pub.bandLow();
        failed |= !a;
        parts.add("(a) median " + f(o.median()) + " CI [" + f(o.medianLow()) + ", " + f(o.medianHigh()) + "] overlaps ["
                + f(pub.bandLow()) + ", " + f(pub.bandHigh()) + "]: " + (a ? "pass" : "fail"));
        double[] iqr = pub.iqr();
        if (iqr == null) {
            parts.add("(b) no published IQR: not applicable");
        } else {
            double w = iqr[1] - iqr[0];
            double lo = iqr[0] - w / 2;
            double hi = iqr[1] + w / 2;
            boolean b = o.q1() >= lo && o.q1() <= hi && o.q3() >= lo && o.q3() <= hi;
            failed |= !b;
            parts.add("(b) quartiles " + f(o.q1()) + ", " + f(o.q3()) + " inside [" + f(lo) + ", " + f(hi) + "]: "
                    + (b ? "pass" : "fail"));
        }
        for (Coefficient c : o.coefficients()) {
            boolean ok = c.moderator().sign() > 0 ? c.ciLow() > 0 : c.ciHigh() < 0;
            failed |= !ok;
            parts.add("(c) " + c.moderator().name() + " " + f(c.estimate()) + " [" + f(c.ciLow()) + ", " + f(c.ciHigh())
                    + "] expected " + (c.moderator().sign() > 0 ? "positive" : "negative") + ": " + (ok ? "pass" : "fail"));
        }
        for (ReviewSpec.Moderator m : spec.moderators()) {
            if (m.notExpressible() != null) {
                unexpressed.add(m.name());
                parts.add("(c) " + m.name() + ": not expressible (" + m.notExpressible() + ")");
            }
        }
        Verdict v = failed ? Verdict.FAIL : unexpressed.isEmpty() ? Verdict.PASS : Verdict.NOT_EXPRESSIBLE;
        return new PatternResult(p.id(), p.set(), p.title(), p.metric(), o.median(), o.medianLow(), o.medianHigh(),
                pub.bandLow(), pub.bandHigh(), v, String.join("; ", parts), List.of(trialsTable(spec, o), moderatorsTable(o)));
    }

    /** P6: the share of designs with a clear effect, and its contrast between better and worse settings. */
    static PatternResult share(Pattern p, ReviewSpec spec, Outcome o) {
        ReviewSpec.Share sh = spec.share();
        int[] all = count(spec, o, null);
        int[] better = count(spec, o, sh.better());
        int[] worse = count(spec, o, sh.worse());
        double[] ci = wilson(all[0], all[1]);
        double share = (double) all[0] / all[1];
        boolean inside = ci[0] >= sh.low() && ci[1] <= sh.high();
        double pb = (double) better[0] / better[1];
        double pw = (double) worse[0] / worse[1];
        double se = Math.sqrt(pb * (1 - pb) / better[1] + pw * (1 - pw) / worse[1]);
        double diff = pb - pw;
        boolean higher = diff - 1.959963984540054 * se > 0;
        String reason = "share of designs whose site-level 95% CI excludes 0: " + all[0] + "/" + all[1] + " = " + f(share)
                + " Wilson CI [" + f(ci[0]) + ", " + f(ci[1]) + "] inside [" + f(sh.low()) + ", " + f(sh.high()) + "]: "
                + (inside ? "pass" : "fail") + "; strong-evidence simple " + better[0] + "/" + better[1] + " minus weak-evidence complex "
                + worse[0] + "/" + worse[1] + " = " + f(diff) + " [" + f(diff - 1.96 * se) + ", " + f(diff + 1.96 * se)
                + "] above 0: " + (higher ? "pass" : "fail");
        return new PatternResult(p.id(), p.set(), p.title(), p.metric(), share, ci[0], ci[1], sh.low(), sh.high(),
                inside && higher ? Verdict.PASS : Verdict.FAIL, reason, List.of(trialsTable(spec, o)));
    }

    /** [trials with a CI excluding 0, trials] among those whose settings lie in every bound (all when null). */
    private static int[] count(ReviewSpec spec, Outcome o, List<ReviewSpec.Bound> bounds) {
        int hits = 0;
        int n = 0;
        for (Trial t : o.trials()) {
            boolean in = true;
            if (bounds != null) {
                for (ReviewSpec.Bound b : bounds) {
                    for (int i = 0; i < spec.settings().size(); i++) {
                        if (spec.settings().get(i).name().equals(b.setting())) {
                            double v = ((Number) t.settings().get(i)).doubleValue();
                            in &= v >= b.low() && v <= b.high();
                        }
                    }
                }
            }
            if (in && !Double.isNaN(t.siteCiLow())) {
                n++;
                if (t.siteCiLow() > 0 || t.siteCiHigh() < 0) {
                    hits++;
                }
            }
        }
        return new int[] {hits, n};
    }

    /** Wilson score 95% interval of a proportion. */
    static double[] wilson(int hits, int n) {
        double z = 1.959963984540054;
        double ph = (double) hits / n;
        double centre = (ph + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(ph * (1 - ph) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {centre - half, centre + half};
    }

    private static Table trialsTable(ReviewSpec spec, Outcome o) {
        List<String> header = new ArrayList<>(List.of("trial", "runSeed", "followUpMonths"));
        spec.settings().forEach(s -> header.add(s.name()));
        header.add("baselineCompliance");
        header.add("difference");
        header.add("siteCiLow");
        header.add("siteCiHigh");
        List<List<Object>> rows = new ArrayList<>();
        for (Trial t : o.trials()) {
            List<Object> row = new ArrayList<>(List.of(t.index(), org.qicsim.experiment.Seeds.hex(t.runSeed()), t.followUpMonths()));
            row.addAll(t.settings());
            row.add(t.baselineCompliance());
            row.add(t.difference());
            row.add(t.siteCiLow());
            row.add(t.siteCiHigh());
            rows.add(row);
        }
        return new Table("trials", header, rows);
    }

    private static Table moderatorsTable(Outcome o) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("median", o.median(), o.medianLow(), o.medianHigh(), null));
        rows.add(Arrays.asList("lowerQuartile", o.q1(), null, null, null));
        rows.add(Arrays.asList("upperQuartile", o.q3(), null, null, null));
        for (Coefficient c : o.coefficients()) {
            rows.add(Arrays.asList("moderator " + c.moderator().name(), c.estimate(), c.ciLow(), c.ciHigh(),
                    c.moderator().sign() > 0 ? "positive" : "negative"));
        }
        return new Table("summary", List.of("quantity", "estimate", "ciLow", "ciHigh", "expectedSign"), rows);
    }

    // ---- designs x replicates -------------------------------------------------------------------

    private static PatternResult checks(Pattern p, ChecksSpec spec, List<KeyOverride> extra, ReplicateDraws draws,
            long masterSeed, int replicatesOverride, RunExecutor executor)
            throws ScenarioException, InterruptedException, IOException {
        Map<String, Set<String>> needed = new LinkedHashMap<>();
        spec.designs().forEach(d -> needed.put(d.name(), new LinkedHashSet<>()));
        for (Check c : spec.checks()) {
            for (String d : designsOf(c)) {
                needed.get(d).add(c.statistic());
            }
            if (c.target() != null) {
                needed.get(c.targetDesign()).add(c.target());
            }
        }
        Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
        // Designs with the same seed and replicate count run as one experiment (paired, sharing
        // counterfactuals); the groups run one after the other, in file order.
        Map<String, List<Design>> groups = new LinkedHashMap<>();
        for (Design d : spec.designs()) {
            if (needed.get(d.name()).isEmpty()) {
                continue;
            }
            int reps = replicatesOverride > 0 ? replicatesOverride : d.replicates() != null ? d.replicates() : p.replicates();
            groups.computeIfAbsent(reps + "/" + d.seedOffset(), k -> new ArrayList<>()).add(d);
        }
        for (List<Design> group : groups.values()) {
            int reps = replicatesOverride > 0 ? replicatesOverride
                    : group.get(0).replicates() != null ? group.get(0).replicates() : p.replicates();
            List<DesignSpec> designs = new ArrayList<>();
            List<int[]> starts = new ArrayList<>();
            List<List<KeyOverride>> perDraw = draws == null ? null : draws.overrides(reps, masterSeed);
            List<List<ResolvedScenario>> replicateScenarios = draws == null ? null : new ArrayList<>();
            for (int k = 0; k < group.size(); k++) {
                Design d = group.get(k);
                ResolvedScenario s = load(d, extra, List.of());
                designs.add(new DesignSpec(k + 1, d.name(), s));
                if (draws != null) {
                    replicateScenarios.add(perReplicate(perDraw, draw -> load(d, extra, draw)));
                }
                starts.add(new int[] {s.scenario().startMonth()});
                Map<String, double[]> stats = new LinkedHashMap<>();
                for (String stat : needed.get(d.name())) {
                    stats.put(stat, new double[reps]);
                }
                values.put(d.name(), stats);
            }
            Experiment experiment = new Experiment(designs, masterSeed + group.get(0).seedOffset(), reps, replicateScenarios);
            experiment.execute(executor, (run, result) -> {
                String name = run.design().name();
                int start = starts.get(run.design().point() - 1)[0];
                for (Map.Entry<String, double[]> e : values.get(name).entrySet()) {
                    e.getValue()[run.replicate()] = RunStatistics.of(e.getKey()).of(result, start);
                }
            });
        }
        List<String> parts = new ArrayList<>();
        boolean failed = false;
        double[] headline = null;
        List<List<Object>> rows = new ArrayList<>();
        for (Check c : spec.checks()) {
            double[] r = judge(c, values);
            boolean pass = r[5] > 0;
            failed |= !pass;
            if (headline == null) {
                headline = r;
            }
            parts.add(c.name() + " " + f(r[0]) + (Double.isNaN(r[1]) ? "" : " [" + f(r[1]) + ", " + f(r[2]) + "]") + " "
                    + ruleText(c, r) + ": " + (pass ? "pass" : "fail"));
            rows.add(Arrays.asList(c.name(), c.statistic(), r[0], r[1], r[2], r[3], r[4], pass ? "pass" : "fail"));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("checks", List.of("check", "statistic", "estimate", "ciLow", "ciHigh", "bandLow", "bandHigh",
                "verdict"), rows));
        tables.add(replicateTable(values));
        return new PatternResult(p.id(), p.set(), p.title(), p.metric(), headline[0], headline[1], headline[2], headline[3],
                headline[4], failed ? Verdict.FAIL : Verdict.PASS, String.join("; ", parts), tables);
    }

    /** A design's scenario: {@code extra}, then a parameter draw (or none), then the design's own settings. */
    private static ResolvedScenario load(Design d, List<KeyOverride> extra, List<KeyOverride> draw)
            throws ScenarioException {
        List<KeyOverride> all = new ArrayList<>(extra);
        all.addAll(draw);
        all.addAll(d.overrides());
        try {
            return ScenarioLoader.load(d.scenario(), all);
        } catch (ScenarioException e) {
            throw e.relocated(d.origins(), " [design " + d.name() + "]");
        }
    }

    private static List<String> designsOf(Check c) {
        List<String> out = new ArrayList<>();
        if (c.design() != null) {
            out.add(c.design());
        }
        if (c.minus() != null) {
            out.add(c.minus());
        }
        if (c.independent() != null) {
            out.add(c.independent());
        }
        out.addAll(c.among());
        return out;
    }

    /** [estimate, ciLow, ciHigh, bandLow, bandHigh, pass (1/0)]. */
    static double[] judge(Check c, Map<String, Map<String, double[]>> values) {
        Estimate e;
        switch (c.combine()) {
            case MEAN -> e = Estimates.of(values.get(c.design()).get(c.statistic()));
            case DIFFERENCE -> {
                double[] b = values.get(c.minus()).get(c.statistic()).clone();
                for (int i = 0; i < b.length; i++) {
                    b[i] *= c.factor();
                }
                e = PairedDifference.of(values.get(c.design()).get(c.statistic()), b);
            }
            case LOWEST_MEAN -> {
                e = null;
                for (String d : c.among()) {
                    Estimate x = Estimates.of(values.get(d).get(c.statistic()));
                    if (e == null || x.mean() < e.mean()) {
                        e = x;
                    }
                }
            }
            case MEDIAN_OVER, MEAN_OVER -> {
                int n = values.get(c.among().get(0)).get(c.statistic()).length;
                double[] perReplicate = new double[n];
                for (int r = 0; r < n; r++) {
                    double[] across = new double[c.among().size()];
                    for (int k = 0; k < across.length; k++) {
                        across[k] = values.get(c.among().get(k)).get(c.statistic())[r];
                    }
                    perReplicate[r] = c.combine() == ChecksSpec.Combine.MEDIAN_OVER ? median(across)
                            : Arrays.stream(across).sum() / across.length;
                }
                e = Estimates.of(perReplicate);
            }
            case PAIRING_RATIO -> {
                double[] a = values.get(c.design()).get(c.statistic());
                Estimate paired = PairedDifference.of(a, values.get(c.minus()).get(c.statistic()));
                Estimate independent = IndependentDifference.of(a, values.get(c.independent()).get(c.statistic()));
                e = new Estimate(paired.halfWidth() / independent.halfWidth(), Double.NaN, Double.NaN, Double.NaN, paired.n());
            }
            default -> throw new IllegalStateException();
        }
        double lo = c.low();
        double hi = c.high();
        boolean pass = switch (c.rule()) {
            case INSIDE -> e.ciLow() >= lo && e.ciHigh() <= hi;
            case BELOW -> e.ciHigh() < hi;
            case ABOVE -> e.ciLow() > lo;
            case POINT_BELOW -> e.mean() < hi;
            case NEGLIGIBLE -> {
                lo = -hi;
                yield Math.abs(e.mean()) < hi || (e.ciLow() <= 0 && e.ciHigh() >= 0);
            }
            case WITHIN_3_SE -> {
                double target = Estimates.of(values.get(c.targetDesign()).get(c.target())).mean();
                double se = e.sd() / Math.sqrt(e.n());
                lo = target - 3 * se;
                hi = target + 3 * se;
                yield e.mean() >= lo && e.mean() <= hi;
            }
        };
        return new double[] {e.mean(), e.ciLow(), e.ciHigh(), lo, hi, pass ? 1 : 0};
    }

    /** The median of the values (the mean of the two middle ones for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static String ruleText(Check c, double[] r) {
        return switch (c.rule()) {
            case INSIDE -> "CI inside [" + f(r[3]) + ", " + f(r[4]) + "]";
            case BELOW -> "CI below " + f(r[4]);
            case ABOVE -> "CI above " + f(r[3]);
            case POINT_BELOW -> "estimate below " + f(r[4]);
            case NEGLIGIBLE -> "|mean| below " + f(r[4]) + " or CI including 0";
            case WITHIN_3_SE -> "within 3 SE of " + c.target() + " (" + f((r[3] + r[4]) / 2) + ")";
        };
    }

    private static Table replicateTable(Map<String, Map<String, double[]>> values) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> d : values.entrySet()) {
            for (Map.Entry<String, double[]> s : d.getValue().entrySet()) {
                for (int r = 0; r < s.getValue().length; r++) {
                    rows.add(Arrays.asList(d.getKey(), r, s.getKey(), s.getValue()[r]));
                }
            }
        }
        return new Table("replicates", List.of("design", "replicate", "statistic", "value"), rows);
    }

    // ---- features -----------------------------------------------------------------------------

    private static PatternResult features(Pattern p, FeaturesSpec spec, List<KeyOverride> extra, ReplicateDraws draws,
            long masterSeed, int reps, RunExecutor executor) throws ScenarioException, InterruptedException, IOException {
        Features features = Features.load(spec.features());
        List<DesignSpec> designs = new ArrayList<>();
        List<Set<String>> offs = new ArrayList<>();
        offs.add(Set.of());
        features.ids().forEach(id -> offs.add(Set.of(id)));
        List<List<KeyOverride>> perDraw = draws == null ? null : draws.overrides(reps, masterSeed);
        List<List<ResolvedScenario>> replicateScenarios = draws == null ? null : new ArrayList<>();
        for (Set<String> off : offs) {
            String name = off.isEmpty() ? "all-on" : off.iterator().next() + "-off";
            designs.add(new DesignSpec(designs.size() + 1, name, features.apply(spec.scenario(), extra, off)));
            if (draws != null) {
                // As attribute does: the draw after the overrides, then the features' settings.
                replicateScenarios.add(perReplicate(perDraw, draw -> {
                    List<KeyOverride> all = new ArrayList<>(extra);
                    all.addAll(draw);
                    return features.apply(spec.scenario(), all, off);
                }));
            }
        }
        double[][] v = new double[designs.size()][reps];
        int start = designs.get(0).scenario().scenario().startMonth();
        RunStatistics.Statistic stat = RunStatistics.of(spec.statistic());
        new Experiment(designs, masterSeed, reps, replicateScenarios).execute(executor,
                (run, result) -> v[run.design().point() - 1][run.replicate()] = stat.of(result, start));
        List<String> parts = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean failed = false;
        Estimate worst = null;
        for (int k = 1; k < designs.size(); k++) {
            Estimate d = PairedDifference.of(v[k], v[0]);
            boolean pass = d.ciHigh() < 0;
            failed |= !pass;
            if (worst == null || d.ciHigh() > worst.ciHigh()) {
                worst = d;
            }
            String id = features.ids().get(k - 1);
            parts.add(id + " off − on " + f(d.mean()) + " [" + f(d.ciLow()) + ", " + f(d.ciHigh()) + "]: " + (pass ? "pass" : "fail"));
            rows.add(Arrays.asList(id, d.mean(), d.ciLow(), d.ciHigh(), d.n(), pass ? "pass" : "fail"));
        }
        List<List<Object>> reps2 = new ArrayList<>();
        for (int k = 0; k < designs.size(); k++) {
            for (int r = 0; r < reps; r++) {
                reps2.add(Arrays.asList(designs.get(k).name(), r, v[k][r]));
            }
        }
        return new PatternResult(p.id(), p.set(), p.title(), p.metric(), worst.mean(), worst.ciLow(), worst.ciHigh(),
                Double.NaN, 0.0, failed ? Verdict.FAIL : Verdict.PASS,
                "paired (off − on) of " + spec.statistic() + ", CI below 0 for every feature (headline: the feature with the "
                        + "highest upper bound); " + String.join("; ", parts),
                List.of(new Table("features", List.of("feature", "offMinusOn", "ciLow", "ciHigh", "n", "verdict"), rows),
                        new Table("replicates", List.of("design", "replicate", spec.statistic()), reps2)));
    }

    private static String f(double x) {
        return ReviewHarness.fmt(x);
    }
}
