package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qicsim.report.Reports;
import picocli.CommandLine.Option;

/**
 * {@code --no-report}, and the report a command writes into its published results folder
 * ({@code report.html}, see {@link Reports}). The folder's results are complete before the report
 * is written, so a report that cannot be written is logged and the command exits 1 with its
 * results intact; {@code qicsim report FOLDER} can write it later.
 */
final class ReportOption {
    private static final Logger LOG = Logger.getLogger(ReportOption.class.getName());

    @Option(names = "--no-report", description = "Do not write report.html into the results folder.")
    boolean noReport;

    /**
     * Writes the folder's report unless {@code --no-report} and prints {@code report: PATH} to
     * {@code out}.
     *
     * @return false if the report could not be written (the command should exit 1)
     */
    boolean write(Path folder, PrintWriter out) {
        if (noReport) {
            return true;
        }
        try {
            out.println("report: " + Reports.write(folder));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "report not written (the results in " + folder + " are complete): " + e
                    + "; write it with: qicsim report " + folder, e);
            return false;
        }
    }
}
