package org.qicsim.experiment.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.model.RunResult;

/**
 * Adaptive replication ({@code sweep --target-ci METRIC=HALFWIDTH --max-reps N}): every design
 * point starts with the experiment's replicates (round 1); after each round, a point whose 95% CI
 * half-width of the metric ({@link Estimate#halfWidth()}, t-based, over its replicates 0 … n − 1)
 * is above the target gets more replicates in the next round, until it meets the target or has
 * the cap. The target is absolute, or relative ({@code 10%}: a tenth of the absolute value of the
 * point's mean).
 *
 * <p>How many replicates the next round gives a point still short of its target: the number the
 * half-width predicts, {@code ⌈n · (h / target)²⌉} (a half-width shrinks as 1/√n), at least one
 * more and at most twice as many as now, and never more than the cap. A point without a
 * half-width yet (fewer than two values) doubles.
 *
 * <p>Determinism: decisions read only the stored rows of finished rounds, in replicate order, and
 * every run is a pure function of its point and seed; so the rounds, the replicates each point
 * gets and hence every table are the same whatever the thread count, across an interruption and
 * resumption (the rounds are replayed from the stored rows), and whether the points are run in one
 * process or in shards of whole world groups ({@link Shard#wholeGroupPoints}).
 */
public final class AdaptiveReplication {
    private static final Pattern FORM = Pattern.compile("([A-Za-z][A-Za-z0-9]*)=([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(%?)");

    /** Why a point stopped getting replicates. */
    public enum Stop {
        /** Its half-width met the target. */
        TARGET_MET("target met"),
        /** It reached {@code --max-reps} first. */
        CAP_REACHED("cap reached");

        private final String text;

        Stop(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A target: the metric (a column of {@code runs}), the half-width, and whether it is relative
     * to the point's mean (a fraction, 0.1 for {@code 10%}).
     */
    public record Target(String metric, double halfWidth, boolean relative) {
        public Target {
            if (!RunResult.METRICS.contains(metric)) {
                throw new IllegalArgumentException("no metric " + metric);
            }
            if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
                throw new IllegalArgumentException("a target half-width is a positive number, was " + halfWidth);
            }
        }

        /**
         * Parses {@code METRIC=HALFWIDTH} or {@code METRIC=PERCENT%}.
         *
         * @throws IllegalArgumentException with a message fit for the user
         */
        public static Target parse(String text) {
            Matcher m = FORM.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("--target-ci takes METRIC=HALFWIDTH or METRIC=PERCENT% (e.g. "
                        + "finalRate=0.002 or eventsAverted=10%), not \"" + text + "\"");
            }
            String metric = m.group(1);
            if (!RunResult.METRICS.contains(metric)) {
                throw new IllegalArgumentException("--target-ci: no metric " + metric + " in the runs table (valid: "
                        + String.join(", ", RunResult.METRICS) + ")");
            }
            double value = Double.parseDouble(m.group(2));
            boolean relative = !m.group(3).isEmpty();
            if (!(value > 0) || relative && value >= 1000) {
                throw new IllegalArgumentException("--target-ci " + text + ": the half-width must be positive"
                        + (relative ? " and a percentage below 1000%" : ""));
            }
            return new Target(metric, relative ? value / 100 : value, relative);
        }

        @Override
        public String toString() {
            return metric + "=" + (relative ? fmt(halfWidth * 100) + "%" : fmt(halfWidth));
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private final Target target;
    private final int initial;
    private final int cap;
    /** Points decided on: all of them, or a shard's whole world groups. */
    private final BitSet points;
    private final int[] reps;
    private final int[] rounds;
    private final Stop[] stops;
    private final double[] halfWidths;
    private final double[] means;
    private int round = 1;

    /**
     * @param points the points (1-based bits) this process decides on; null for every point
     */
    public AdaptiveReplication(Target target, int initial, int cap, int pointCount, BitSet points) {
        if (initial < 2) {
            throw new IllegalArgumentException("adaptive replication starts from at least 2 replicates (a CI needs "
                    + "two values); the experiment has replications: " + initial);
        }
        if (cap < initial) {
            throw new IllegalArgumentException("--max-reps " + cap + " is below the experiment's replications ("
                    + initial + ")");
        }
        this.target = target;
        this.initial = initial;
        this.cap = cap;
        if (points == null) {
            points = new BitSet();
            points.set(1, pointCount + 1);
        }
        this.points = (BitSet) points.clone();
        reps = new int[pointCount + 1];
        rounds = new int[pointCount + 1];
        stops = new Stop[pointCount + 1];
        halfWidths = new double[pointCount + 1];
        means = new double[pointCount + 1];
        Arrays.fill(halfWidths, Double.NaN);
        Arrays.fill(means, Double.NaN);
        for (int p = this.points.nextSetBit(1); p >= 0; p = this.points.nextSetBit(p + 1)) {
            reps[p] = initial;
            rounds[p] = 1;
        }
    }

    public Target target() {
        return target;
    }

    public int cap() {
        return cap;
    }

    /** Rounds decided so far (1 before any decision). */
    public int round() {
        return round;
    }

    /** The runs of the rounds so far, as {@link SweepPlan#index} bits: replicates 0 … n − 1 of each point. */
    public BitSet planned(SweepPlan plan) {
        BitSet planned = new BitSet();
        for (int p = points.nextSetBit(1); p >= 0; p = points.nextSetBit(p + 1)) {
            planned.set(plan.index(p, 0), plan.index(p, 0) + reps[p]);
        }
        return planned;
    }

    /**
     * Decides the next round from the stored rows of the rounds so far (all of which must be
     * stored): which points stop, and how many replicates the others get.
     *
     * @return whether there is another round to run
     */
    public boolean decide(SweepPlan plan, ExperimentSession session) throws IOException {
        int metric = RunResult.METRICS.indexOf(target.metric());
        double[][] values = new double[plan.points() + 1][];
        for (int p = points.nextSetBit(1); p >= 0; p = points.nextSetBit(p + 1)) {
            if (stops[p] == null) {
                values[p] = new double[reps[p]];
                Arrays.fill(values[p], Double.NaN);
            }
        }
        int window = (int) Math.max(1, Math.min(plan.points(), PointSummaries.WINDOW_VALUES / cap));
        for (int from = 1; from <= plan.points(); from += window) {
            int to = Math.min(plan.points() + 1, from + window);
            if (points.nextSetBit(from) < 0 || points.nextSetBit(from) >= to) {
                continue;
            }
            session.readRuns(from, to, (point, replicate, metrics) -> {
                if (values[point] != null && replicate < values[point].length) {
                    values[point][replicate] = metrics[metric];
                }
            });
        }
        boolean more = false;
        for (int p = points.nextSetBit(1); p >= 0; p = points.nextSetBit(p + 1)) {
            if (stops[p] != null) {
                continue;
            }
            Estimate e = Estimates.of(values[p]);
            double h = e.halfWidth();
            double goal = target.relative() ? target.halfWidth() * Math.abs(e.mean()) : target.halfWidth();
            halfWidths[p] = h;
            means[p] = e.mean();
            if (h <= goal) {
                stops[p] = Stop.TARGET_MET;
            } else if (reps[p] >= cap) {
                stops[p] = Stop.CAP_REACHED;
            } else {
                int n = reps[p];
                long wanted = Double.isNaN(h) || !(goal > 0) ? 2L * n : (long) Math.ceil(n * (h / goal) * (h / goal));
                reps[p] = (int) Math.min(cap, Math.max(n + 1L, Math.min(2L * n, wanted)));
                rounds[p]++;
                more = true;
            }
        }
        if (more) {
            round++;
        }
        return more;
    }

    /** The manifest entry: settings, rounds, and per point its replicates, rounds, half-width and stopping reason. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetCi", target.toString());
        m.put("metric", target.metric());
        m.put("halfWidth", target.halfWidth());
        m.put("relative", target.relative());
        m.put("initialReplications", initial);
        m.put("maxReplications", cap);
        m.put("rounds", round);
        long met = 0;
        long capped = 0;
        List<Object> perPoint = new ArrayList<>();
        for (int p = points.nextSetBit(1); p >= 0; p = points.nextSetBit(p + 1)) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("point", p);
            point.put("replications", reps[p]);
            point.put("rounds", rounds[p]);
            point.put("mean", finite(means[p]));
            point.put("halfWidth", finite(halfWidths[p]));
            point.put("stop", stops[p] == null ? "running" : stops[p].toString());
            perPoint.add(point);
            met += stops[p] == Stop.TARGET_MET ? 1 : 0;
            capped += stops[p] == Stop.CAP_REACHED ? 1 : 0;
        }
        m.put("pointsMeetingTarget", met);
        m.put("pointsAtCap", capped);
        m.put("points", perPoint);
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** One line for the user: rounds, points meeting the target, points at the cap. */
    public String summary() {
        long met = 0;
        long capped = 0;
        long runs = 0;
        for (int p = points.nextSetBit(1); p >= 0; p = points.nextSetBit(p + 1)) {
            met += stops[p] == Stop.TARGET_MET ? 1 : 0;
            capped += stops[p] == Stop.CAP_REACHED ? 1 : 0;
            runs += reps[p];
        }
        return String.format(Locale.ROOT, "adaptive replication (%s, at most %d replicates): %d round%s, %d runs; %d "
                + "point%s met the target, %d reached the cap", target, cap, round, round == 1 ? "" : "s", runs, met,
                met == 1 ? "" : "s", capped);
    }
}
