package org.qicsim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.PredictionInterval;
import org.qicsim.analysis.RatioEstimate;
import org.qicsim.results.SummaryJson;

/** Hands a design's summary to the results writer in the summary.json layout of MODEL.md §9. */
public final class SummaryExport {
    /** What the two intervals of a metric are, as summary.json says when both are given. */
    public static final Map<String, Object> INTERVALS = intervals();

    private static Map<String, Object> intervals() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ciLow/ciHigh", "95% Monte Carlo confidence interval of the mean over replicates");
        m.put("piLow/piHigh", "95% prediction interval over replicates, each replicate with its own parameter draw: "
                + "where one more replicate would fall, parameter uncertainty included");
        return java.util.Collections.unmodifiableMap(m);
    }

    private SummaryExport() {
    }

    public static SummaryJson of(DesignSummary summary, long masterSeed, int replications) {
        return of(summary, masterSeed, replications, null);
    }

    /**
     * As {@link #of(DesignSummary, long, int)}; when the replicates ran parameter draws
     * ({@code parameters} describes the sample, non-null), every metric also carries its 95%
     * prediction interval over replicates ({@code piLow}, {@code piHigh}) and an {@code intervals}
     * field says which interval is which.
     */
    public static SummaryJson of(DesignSummary summary, long masterSeed, int replications,
            Map<String, Object> parameters) {
        var resolved = summary.design().scenario();
        SummaryJson json = new SummaryJson()
                .put("scenario", resolved.scenario().name())
                .put("scenarioHash", resolved.sha256())
                .put("worldHash", resolved.worldSha256())
                .put("masterSeed", masterSeed)
                .put("replications", replications)
                .put("costPerEventAverted", costPerEventAverted(summary));
        if (parameters != null) {
            json.put("parameters", parameters).put("intervals", INTERVALS);
        }
        for (Map.Entry<String, Estimate> m : summary.metrics().entrySet()) {
            json.metric(m.getKey(), parameters == null ? m.getValue() : PredictionInterval.of(m.getValue()));
        }
        return json;
    }

    /** {ratio, ciLow, ciHigh, resamples} or the string "dominated". */
    static Object costPerEventAverted(DesignSummary summary) {
        if (summary.dominated()) {
            return "dominated";
        }
        RatioEstimate r = summary.costPerEventAverted();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mean", r.ratio());
        out.put("ciLow", r.ciLow());
        out.put("ciHigh", r.ciHigh());
        out.put("resamples", r.resamples());
        return out;
    }
}
