package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qicsim.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim report FOLDER}: writes {@code report.html}, a self-contained page of summary,
 * charts and tables, into a run, compare, sweep, attribute, patterns or calibrate folder, and
 * prints its path. An existing report is kept unless {@code --replace}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write report.html into a results folder: a plain-language summary, charts with their "
                + "numbers in tables, and the folder's provenance, in one file that opens offline in any browser.",
            "Works on run, compare, sweep, attribute, patterns and calibrate folders; run, compare and sweep "
                + "write it themselves unless --no-report."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "A complete results folder.")
    private Path folder;

    @Option(names = "--replace", description = "Replace the folder's existing report.html.")
    private boolean replace;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Reports.write(folder, replace));
        return ExitCodes.OK;
    }
}
