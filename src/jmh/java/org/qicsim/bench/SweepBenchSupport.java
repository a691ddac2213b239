package org.qicsim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.sweep.ExperimentFile;
import org.qicsim.experiment.StopSignal;
import org.qicsim.experiment.sweep.SweepFolder;
import org.qicsim.experiment.sweep.SweepPlan;
import org.qicsim.experiment.sweep.SweepSummaries;
import org.qicsim.results.ResultsFolder;
import org.qicsim.scenario.ScenarioException;

/** What the sweep benchmarks share: the bundled michigan-cqi, experiment files, and one whole sweep. */
final class SweepBenchSupport {
    private SweepBenchSupport() {
    }

    /** The bundled scenario; benchmarks run from the project folder ({@code mvn} and {@code java -cp target/qicsim.jar}). */
    static Path michigan() {
        Path file = Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("run the benchmarks from the project folder: no " + file);
        }
        return file;
    }

    static ExperimentFile experiment(Path dir, String body) throws IOException, ScenarioException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, "scenario: " + michigan() + "\n" + body, StandardCharsets.UTF_8);
        return ExperimentFile.load(file);
    }

    /** One whole sweep as {@code qicsim sweep} does it (plan, runs, summaries, publish); the runs stored. */
    static long sweep(ExperimentFile experiment, Path out, int threads) throws Exception {
        SweepPlan plan = SweepPlan.of(experiment, threads);
        ResultsFolder folder = ResultsFolder.at(out);
        SweepFolder.writeExperiment(folder, experiment);
        StopSignal stop = new StopSignal();
        long stored;
        try (ExperimentSession sweep = ExperimentSession.open(folder, plan, experiment.outputs().monthly(),
                experiment.outputs().sites(), false); LocalPool pool = new LocalPool(threads)) {
            stored = sweep.run(pool, stop, (run, result) -> { }).stored();
            SweepSummaries.write(folder, plan, sweep, stop);
        }
        folder.commit();
        return stored;
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
