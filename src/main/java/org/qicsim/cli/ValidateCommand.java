package org.qicsim.cli;

import org.qicsim.scenario.KeyOverride;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim validate FILE... [--set key=value]...}: loads each scenario as {@code run} would and
 * reports every problem, located, without running anything. Exit 0 when every file is valid, 2
 * when any is not (1 only for a bug in qicsim).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files without running them. Every error is reported as "
                + "file:line:column: key.path: what is wrong (valid: ...); keys the chosen design ignores are noted.",
        footer = {"", "Exit status: 0 all files valid; 2 invalid input; 1 internal error."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML, or JSON when named *.json).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key after the file is merged, e.g. --set sites.count=40 (repeatable; "
                    + "the value is YAML: 0.2, topDecile, null, {median: 10, spread: 1}).")
    private List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<KeyOverride> overrides = new ArrayList<>();
        List<Problem> setProblems = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            try {
                overrides.add(KeyOverride.parseSet(sets.get(i), i + 1));
            } catch (ScenarioException e) {
                setProblems.addAll(e.problems());
            }
        }
        if (!setProblems.isEmpty()) {
            setProblems.forEach(p -> err.println(p.format()));
            err.flush();
            return 2;
        }
        int exit = 0;
        for (Path file : files) {
            try {
                ResolvedScenario resolved = ScenarioLoader.load(file, overrides);
                resolved.notes().forEach(note -> err.println(note.format()));
                out.println(file + ": ok (" + resolved.hash8() + ")");
            } catch (ScenarioException e) {
                err.println(e.format());
                long errors = e.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
                err.println(file + ": " + errors + (errors == 1 ? " error" : " errors"));
                exit = Math.max(exit, 2);
            } catch (RuntimeException e) {
                // A bug, not bad input: say so plainly, without a stack trace in the user's face.
                err.println(file + ": internal error (please report): " + e);
                exit = exit == 0 ? 1 : exit;
            }
            out.flush();
            err.flush();
        }
        return exit;
    }
}
