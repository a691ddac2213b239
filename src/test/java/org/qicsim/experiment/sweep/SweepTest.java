package org.qicsim.experiment.sweep;

import org.qicsim.experiment.StopSignal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.LocalPool;
import org.qicsim.results.ResultsFolder;

/**
 * Sweeps through the Java API: the run order (blocks) never changes results or the sharing of
 * counterfactuals, and a folder left by a killed process (a half-written line, rows of a run whose
 * commit never finished, a half-written Parquet part) is repaired on resume to give exactly the rows
 * of an uninterrupted sweep.
 */
class SweepTest {

    @TempDir
    Path dir;

    private static final String TWO_WORLDS = Experiments.head(4) + """
            factors:
              sites.heterogeneity: [0.1, 0.3]
              collaborative.feedback.display: [funnel, league]
            design: grid
            outputs: {monthly: true}
            """;

    /** One session into {@code folder}; stops once {@code stopAfter} runs are stored (0: never). */
    private static ExperimentSession.Outcome session(SweepPlan plan, ResultsFolder folder, boolean csv, long stopAfter, int threads)
            throws Exception {
        StopSignal stop = new StopSignal();
        long[] n = {0};
        try (ExperimentSession sweep = ExperimentSession.open(folder, plan, plan.experiment().outputs().monthly(),
                plan.experiment().outputs().sites(), csv); LocalPool pool = new LocalPool(threads)) {
            ExperimentSession.Outcome outcome = sweep.run(pool, stop, (run, result) -> {
                if (++n[0] == stopAfter) {
                    stop.request();
                }
            });
            if (outcome.complete()) {
                SweepSummaries.write(folder, plan, sweep, stop);
            }
            return outcome;
        }
    }

    private Path complete(SweepPlan plan, String name, boolean csv) throws Exception {
        ResultsFolder folder = ResultsFolder.at(dir.resolve(name));
        SweepFolder.writeExperiment(folder, plan.experiment());
        ExperimentSession.Outcome outcome = session(plan, folder, csv, 0, 2);
        assertThat(outcome.complete()).isTrue();
        return folder.commit();
    }

    private static String rows(Path folder, String file) throws IOException {
        // Stored order depends on the run order; compare as sorted lines.
        return String.join("\n", Files.readAllLines(folder.resolve(file)).stream().sorted().toList());
    }

    @Test
    void blocksOfOneReplicateChangeNothingButTheOrder() throws Exception {
        ExperimentFile e = Experiments.load(dir, TWO_WORLDS);
        SweepPlan plan = SweepPlan.of(e, 2);
        assertThat(plan.blockSize()).isEqualTo(4);
        Path whole = complete(plan, "whole", true);
        ResultsFolder folder = ResultsFolder.at(dir.resolve("blocks"));
        SweepFolder.writeExperiment(folder, e);
        ExperimentSession.Outcome outcome = session(plan.withBlockSize(1), folder, true, 0, 2);
        Path blocks = folder.commit();
        // Each world's counterfactual is computed once per replicate either way.
        assertThat(outcome.counterfactualArms()).isEqualTo(plan.counterfactualArms()).isEqualTo(2 * 4);
        assertThat(Files.readString(blocks.resolve("points.csv"))).isEqualTo(Files.readString(whole.resolve("points.csv")));
        assertThat(rows(blocks, "runs.csv")).isEqualTo(rows(whole, "runs.csv"));
        assertThat(rows(blocks, "timeseries.csv")).isEqualTo(rows(whole, "timeseries.csv"));
        // Different orders really were used.
        assertThat(Files.readAllLines(blocks.resolve("runs.csv"))).isNotEqualTo(Files.readAllLines(whole.resolve("runs.csv")));
    }

    @Test
    void aCsvFolderLeftByAKilledProcessIsRepairedOnResume() throws Exception {
        ExperimentFile e = Experiments.load(dir, TWO_WORLDS);
        SweepPlan plan = SweepPlan.of(e, 1);
        Path whole = complete(plan, "whole", true);

        ResultsFolder first = ResultsFolder.at(dir.resolve("killed"));
        SweepFolder.writeExperiment(first, e);
        ExperimentSession.Outcome cut = session(plan, first, true, 3, 1);
        assertThat(cut.complete()).isFalse();
        Path partial = first.dir();
        first.close(); // the process ends: its lock on the folder goes
        // What a kill during a commit leaves: monthly rows of a run whose runs row never came, and a
        // runs line cut short.
        List<String> ts = Files.readAllLines(whole.resolve("timeseries.csv"));
        String orphan = ts.stream().filter(l -> l.startsWith("4,3,")).findFirst().orElseThrow();
        Files.writeString(partial.resolve("timeseries.csv"), orphan + "\n" + orphan.substring(0, 9),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String aRunsRow = Files.readAllLines(whole.resolve("runs.csv")).get(5);
        Files.writeString(partial.resolve("runs.csv"), aRunsRow.substring(0, 30), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        ResultsFolder again = ResultsFolder.reopen(partial);
        ExperimentSession.Outcome rest = session(plan, again, true, 0, 2);
        assertThat(rest.storedBefore()).isEqualTo(cut.stored());
        assertThat(rest.complete()).isTrue();
        Path repaired = again.commit();
        assertThat(rows(repaired, "runs.csv")).isEqualTo(rows(whole, "runs.csv"));
        assertThat(rows(repaired, "timeseries.csv")).isEqualTo(rows(whole, "timeseries.csv"));
        assertThat(Files.readString(repaired.resolve("points.csv"))).isEqualTo(Files.readString(whole.resolve("points.csv")));
    }

    @Test
    void aParquetFolderDropsPartsBeyondItsLastCommitOnResume() throws Exception {
        ExperimentFile e = Experiments.load(dir, TWO_WORLDS);
        SweepPlan plan = SweepPlan.of(e, 1);
        Path whole = complete(plan, "whole", false);

        ResultsFolder first = ResultsFolder.at(dir.resolve("killed"));
        SweepFolder.writeExperiment(first, e);
        assertThat(session(plan, first, false, 5, 1).complete()).isFalse();
        Path partial = first.dir();
        first.close(); // the process ends: its lock on the folder goes
        assertThat(partial.resolve("runs/part-000001.parquet")).exists();
        // A kill between the monthly part and the runs part of the next commit, and one inside a COPY.
        Files.copy(partial.resolve("timeseries/part-000001.parquet"), partial.resolve("timeseries/part-000002.parquet"));
        Files.writeString(partial.resolve("runs/part-000002.parquet.tmp"), "half a part");

        ResultsFolder again = ResultsFolder.reopen(partial);
        assertThat(session(plan, again, false, 0, 2).complete()).isTrue();
        Path repaired = again.commit();
        assertThat(repaired.resolve("runs/part-000002.parquet.tmp")).doesNotExist();
        assertThat(Files.readString(repaired.resolve("points.csv"))).isEqualTo(Files.readString(whole.resolve("points.csv")));
        var timeseries = org.qicsim.cli.TableRows.of(repaired, "timeseries", List.of("point", "replicate", "month"));
        assertThat(timeseries).hasSize(16 * 24)
                .isEqualTo(org.qicsim.cli.TableRows.of(whole, "timeseries", List.of("point", "replicate", "month")));
    }
}
