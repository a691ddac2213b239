package org.qicsim.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.attribution.AttributionRow;
import org.qicsim.analysis.attribution.FeatureAttribution;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.Features;
import org.qicsim.experiment.StopSignal;

/**
 * One five-feature attribution of a played design in a round's debrief: its progress while it runs
 * on the server's executor, and then what it found, as the pages receive it. Thread-safe: runs
 * finish on pool threads while pages poll.
 *
 * <p>The attribution is {@code qicsim attribute}'s ({@link Attribution}): the design as played is
 * the all-on design, the 2^5 − 1 others switch features off with the settings of the features file,
 * every design runs the round's replicates (a site round's: as many as the facilitator chose) under
 * the round's master seed (common random numbers: the all-on design's runs are the participant's
 * runs; in a site round its replicate 1 is the model-only run), and each feature gets its Shapley value and
 * main effect with joint-bootstrap 95% intervals. A feature's <em>share</em> is its Shapley value
 * divided by the total (all on − all off); by the Shapley value's efficiency the shares sum to 1.
 */
final class AttributionTask {

    enum Status { QUEUED, PLANNING, RUNNING, DONE, FAILED }

    private final int design;
    private final String label;
    private final String name;
    private final int replicates;
    private final StopSignal stop = new StopSignal();
    private Status status = Status.QUEUED;
    private int runsDone;
    private int runsTotal;
    private Instant started;
    private Instant ended;
    private String failure;
    private Map<String, Object> result;

    /**
     * @param design the design's number in the round's results folder ({@code designs/<design>-…})
     * @param label  its folder label, e.g. {@code 3-p02} (a site round's: {@code 2-model})
     * @param name   the participant's display name (a site round's: the room's design)
     */
    AttributionTask(int design, String label, String name, int replicates, int runsTotal) {
        this.design = design;
        this.label = label;
        this.name = name;
        this.replicates = replicates;
        this.runsTotal = runsTotal;
    }

    int design() {
        return design;
    }

    String label() {
        return label;
    }

    /** The attribute folder's name inside the round's results folder. */
    String folderName() {
        return "attribution-" + label;
    }

    StopSignal stop() {
        return stop;
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean pending() {
        return status == Status.QUEUED || status == Status.PLANNING || status == Status.RUNNING;
    }

    synchronized void planning() {
        status = Status.PLANNING;
        started = Instant.now();
    }

    synchronized void running(int total) {
        status = Status.RUNNING;
        runsTotal = total;
    }

    /** One run finished. */
    synchronized void step() {
        runsDone++;
    }

    synchronized void done(Map<String, Object> found) {
        result = found;
        status = Status.DONE;
        ended = Instant.now();
    }

    synchronized void failed(String message) {
        failure = message;
        status = Status.FAILED;
        ended = Instant.now();
    }

    synchronized Map<String, Object> result() {
        return result;
    }

    /** What the pages poll: progress, and the result once done. */
    synchronized Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("design", design);
        out.put("label", label);
        out.put("name", name);
        out.put("status", status.name().toLowerCase(Locale.ROOT));
        out.put("replicates", replicates);
        out.put("runsDone", runsDone);
        out.put("runsTotal", runsTotal);
        Instant end = ended != null ? ended : Instant.now();
        out.put("seconds", started == null ? null : Duration.between(started, end).toMillis() / 1000.0);
        out.put("folder", status == Status.DONE ? folderName() : null);
        out.put("failure", failure);
        out.put("result", result);
        return out;
    }

    /**
     * The pages' form of an attribution: per attributed metric, all on and all off (means and t CIs),
     * the total, and per feature its Shapley value, main effect (bootstrap CIs) and share; the
     * interaction share; and the all-on design against no collaborative.
     */
    static Map<String, Object> render(Features features, Attribution.Result result) {
        List<String> ids = features.ids();
        int n = ids.size();
        Map<String, List<AttributionRow>> byMetric = FeatureAttribution.byMetric(result.rows());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String metric : Attribution.METRICS) {
            List<AttributionRow> rows = byMetric.get(metric);
            List<Estimate> means = result.designMeans().get(metric);
            Estimate allOn = means.get(means.size() - 1);
            Estimate allOff = means.get(0);
            double total = allOn.mean() - allOff.mean();
            List<Map<String, Object>> list = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                AttributionRow main = rows.get(i);
                AttributionRow shapley = rows.get(n + i);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", ids.get(i));
                f.put("name", features.all().get(i).name());
                f.put("shapley", JsonNumbers.interval(shapley.estimate(), shapley.ciLow(), shapley.ciHigh()));
                f.put("main", JsonNumbers.interval(main.estimate(), main.ciLow(), main.ciHigh()));
                f.put("share", total == 0 ? null : JsonNumbers.finite(shapley.estimate() / total));
                sum += shapley.estimate();
                list.add(f);
            }
            AttributionRow interaction = rows.get(2 * n);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("allOn", JsonNumbers.estimate(allOn));
            m.put("allOff", JsonNumbers.estimate(allOff));
            m.put("total", JsonNumbers.finite(total));
            m.put("shapleySum", JsonNumbers.finite(sum));
            m.put("features", list);
            m.put("interactionShare", JsonNumbers.interval(interaction.estimate(), interaction.ciLow(),
                    interaction.ciHigh()));
            metrics.put(metric, m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("designs", result.results().size());
        out.put("counterfactualArms", result.counterfactualArms());
        out.put("level", FeatureAttribution.LEVEL);
        out.put("metrics", metrics);
        return out;
    }
}
