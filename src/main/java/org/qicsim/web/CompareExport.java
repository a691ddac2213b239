package org.qicsim.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.RunExecutor;

/**
 * Writes a round's designs as a compare results folder (ARCHITECTURE.md "Results layout"), the
 * layout {@code qicsim report} and {@code qicsim query} read. The command line supplies the writer
 * ({@code org.qicsim.cli.WorkshopCompareExport}, which reuses the folder writers of {@code compare}),
 * so this package depends on no command.
 */
@FunctionalInterface
public interface CompareExport {

    /**
     * Executes {@code experiment} on {@code executor} (a {@link ReplayExecutor} that hands back the
     * round's runs) into a new folder {@code folder}, which must not exist, and returns the
     * comparison with the first design as the reference. The folder holds {@code cea.csv} and
     * {@code ceac.csv} as {@code qicsim compare --perspective P --wtp W} writes them.
     *
     * @param designNames the display names recorded in the manifest, one per design
     */
    Comparison write(Path folder, Experiment experiment, RunExecutor executor, List<String> designNames,
            Perspective perspective, double wtp) throws IOException, InterruptedException;
}
