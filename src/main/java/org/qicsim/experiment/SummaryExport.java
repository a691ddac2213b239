package org.qicsim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.RatioEstimate;
import org.qicsim.results.SummaryJson;

/** Hands a design's summary to the results writer in the summary.json layout of MODEL.md §9. */
public final class SummaryExport {
    private SummaryExport() {
    }

    public static SummaryJson of(DesignSummary summary, long masterSeed, int replications) {
        var resolved = summary.design().scenario();
        SummaryJson json = new SummaryJson()
                .put("scenario", resolved.scenario().name())
                .put("scenarioHash", resolved.sha256())
                .put("worldHash", resolved.worldSha256())
                .put("masterSeed", masterSeed)
                .put("replications", replications)
                .put("costPerEventAverted", costPerEventAverted(summary));
        for (Map.Entry<String, Estimate> m : summary.metrics().entrySet()) {
            json.metric(m.getKey(), m.getValue());
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
