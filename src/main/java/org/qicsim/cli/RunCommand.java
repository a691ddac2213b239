package org.qicsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.DesignSummary;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.ExperimentSession;
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

    @Mixin
    private ReportOption report;

    @Mixin
    private ParameterOption parameters;

    @Mixin
    private ResumeOption resume;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions options = GlobalOptions.of(spec);
        ResolvedScenario resolved = arguments.load(scenario, arguments.seed, arguments.reps, err);
        var s = resolved.scenario();
        ParameterOption.Draws draws = parameters.load(List.of(scenario), arguments, s.seed(), s.replications(),
                ParameterOption.Default.NONE);
        Experiment experiment = new Experiment(List.of(new DesignSpec(0, s.name(), resolved)), s.seed(),
                s.replications(), draws == null ? null : draws.scenarios());
        resume.check(spec.commandLine(), output);
        if (output.dryRun) {
            DryRun.print(out, experiment, options.threads());
            return ExitCodes.OK;
        }
        Instant start = Instant.now();
        ResultsFolder folder = resume.folder(() -> output.create(root -> ResultsFolder.forRun(root, s.name(), start, resolved.sha256())));
        ParameterOption.record(folder, draws);
        var completed = ExperimentFolder.execute(folder, experiment, false, "run " + s.name(), options, interrupt,
                (results, executor, designs) -> {
                    DesignSummary summary = DesignSummary.of(designs.get(0), experiment.masterSeed());
                    results.writeSummaries(List.of(summary), draws == null ? null : draws.describe());
                    var manifest = ExperimentSession.manifest(spec.commandLine().getParseResult().originalArgs(),
                            start, resolved.sha256(), experiment.masterSeed(), executor);
                    if (draws != null) {
                        manifest = manifest.withExtra("parameters", draws.describe());
                    }
                    results.writeManifest(manifest.withEnd(Instant.now()));
                    return summary;
                });
        SummaryPrinter.design(out, completed.value(), draws != null);
        boolean reported = report.write(completed.folder(), out);
        out.println(completed.folder());
        return reported ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
