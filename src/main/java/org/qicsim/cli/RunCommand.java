package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.qicsim.experiment.DesignResults;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.DesignSummary;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.StopSignal;
import org.qicsim.results.ResultsFolder;
import org.qicsim.scenario.ResolvedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim run SCENARIO}: the scenario's replications, each paired with its counterfactual,
 * on a local pool; a results folder in the run layout and a one-screen summary on stdout, the
 * folder path last.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario's replications (each paired with its counterfactual) and summarise them.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path scenario;

    @Mixin
    private ScenarioArguments arguments;

    @Mixin
    private OutputOptions output;

    @Mixin
    private InterruptOption interrupt;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions options = GlobalOptions.of(spec);
        ResolvedScenario resolved = arguments.load(scenario, arguments.seed, arguments.reps, err);
        var s = resolved.scenario();
        Experiment experiment = new Experiment(List.of(new DesignSpec(0, s.name(), resolved)), s.seed(),
                s.replications());
        if (output.dryRun) {
            DryRun.print(out, experiment, options.threads());
            return ExitCodes.OK;
        }
        Instant start = Instant.now();
        ResultsFolder folder = output.out != null ? ResultsFolder.at(output.out)
                : ResultsFolder.forRun(output.resultsRoot, s.name(), start, resolved.sha256());
        StopSignal stop = new StopSignal();
        StopOnInterrupt ctrlC = StopOnInterrupt.install(stop, "qicsim-run-stop");
        try (ExperimentFolder results = new ExperimentFolder(folder, experiment, false);
                LocalPool pool = new LocalPool(options.threads())) {
            List<DesignResults> designResults;
            // The progress bar is gone before the summary is printed.
            try (Progress progress = Progress.start("run " + s.name(), experiment.runs().size(), options)) {
                designResults = experiment.execute(pool,
                        interrupt.counting(stop, results.sink(experiment.designs(), progress)), stop);
            } catch (InterruptedException e) {
                throw new InterruptedException(e.getMessage() + "; they are in " + results.dir());
            }
            DesignSummary summary = DesignSummary.of(designResults.get(0), experiment.masterSeed());
            results.writeSummaries(List.of(summary), experiment.masterSeed(), experiment.replications());
            results.writeManifest(ExperimentFolder.manifest(spec.commandLine().getParseResult().originalArgs(),
                    start, resolved.sha256(), experiment.masterSeed(), pool).withEnd(Instant.now()));
            Path done = results.commit();
            SummaryPrinter.design(out, summary);
            out.println(done);
        } finally {
            // After the folder's files are closed: only whole runs in them.
            ctrlC.close();
        }
        return ExitCodes.OK;
    }
}
