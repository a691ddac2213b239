package org.qicsim.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import org.qicsim.model.RunResult;

/**
 * What a sweep keeps besides its run rows (experiment file {@code outputs:}): the metrics that get
 * per-point summaries (and sensitivity indices), whether the monthly series ({@code timeseries})
 * and the per-site rows ({@code sites}) are stored. The {@code runs} table always holds every
 * metric of MODEL.md §9, so nothing measured is lost.
 *
 * @param metrics names from {@link #available()}, in the order the summaries list them
 */
public record SweepOutputs(List<String> metrics, boolean monthly, boolean sites) {

    /** The cost-effectiveness ratio, summarised from costTotal and eventsAvertedDiscounted. */
    public static final String COST_PER_EVENT_AVERTED = "costPerEventAverted";

    public SweepOutputs {
        metrics = List.copyOf(metrics);
        for (String m : metrics) {
            if (!available().contains(m)) {
                throw new IllegalArgumentException("no metric " + m);
            }
        }
    }

    /** Every metric and then the cost per event averted: the default. */
    public static SweepOutputs defaults() {
        return new SweepOutputs(available(), false, false);
    }

    /** The metrics a sweep can summarise: those of runs.csv, then costPerEventAverted. */
    public static List<String> available() {
        List<String> all = new ArrayList<>(RunResult.METRICS);
        all.add(COST_PER_EVENT_AVERTED);
        return List.copyOf(all);
    }
}
