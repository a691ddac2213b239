package org.qicsim.web;

import java.io.IOException;
import java.nio.file.Path;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.StopSignal;

/**
 * Runs a five-feature attribution and writes it as an {@code attribute} results folder, the layout
 * {@code qicsim attribute} writes ({@code attribution.csv}, {@code designs.csv}, {@code cea.csv},
 * {@code ceac.csv}, {@code summary.json}, {@code manifest.json}, the resolved scenario and the
 * features file, and the one layout's run tables, {@code design.csv} and {@code points.csv}), so
 * {@code qicsim report} and {@code qicsim query} read it. As with {@link CompareExport}, the command
 * line supplies the writer ({@code org.qicsim.cli.WorkshopAttributionExport}, which runs it through
 * {@code attribute}'s session and writers).
 */
@FunctionalInterface
public interface AttributionExport {

    /**
     * Runs {@code plan} on {@code executor} into the new folder {@code folder} (which must not exist)
     * and returns what it found; the folder holds no {@code report.html}, so {@code qicsim report}
     * can write one.
     *
     * @param progress called once per finished run, from the executor's threads
     * @param stop     requested when the server closes; the folder is then left unpublished
     * @param wtpSource where the willingness to pay came from, for {@code summary.json}
     * @param resamples bootstrap resamples of the attribution
     */
    Attribution.Result write(Path folder, Attribution plan, RunExecutor executor, Runnable progress, StopSignal stop,
            Perspective perspective, double wtp, String wtpSource, int resamples)
            throws IOException, InterruptedException;
}
