package org.qicsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.model.TestScenarios;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.ResolvedScenario;

/**
 * {@code run} and {@code compare} store rows through the session a sweep uses: the folder's run
 * tables hold every design's whole runs (the design as {@code point}), after a failed write (a full
 * disk, injected) nothing more is stored and the folder is never published, and a compare folder
 * of the older layout (rows under {@code designs/}) is refused rather than resumed.
 */
class ExperimentSessionTest {
    private static final int SITES = 6;
    private static final int MONTHS = 24;

    @TempDir
    Path dir;

    private static Experiment experiment() {
        ResolvedScenario s = TestScenarios.resolved("sites.count=" + SITES, "horizonMonths=" + MONTHS);
        return new Experiment(List.of(new DesignSpec(1, "a", s), new DesignSpec(2, "b", s)), 11, 3);
    }

    @Test
    void everyRunIsStoredWholeInTheFolderTablesByPoint() throws Exception {
        Experiment e = experiment();
        Path out = dir.resolve("ok");
        try (ExperimentSession session = ExperimentSession.open(ResultsFolder.at(out), e, true);
                LocalPool pool = new LocalPool(2)) {
            session.execute(pool, new StopSignal(), (run, result) -> { });
            session.commit();
        }
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0)).startsWith("point,replicate,runSeed,");
        for (String point : List.of("1,", "2,")) {
            assertThat(rows(out.resolve("runs.csv"))).filteredOn(r -> r.startsWith(point)).hasSize(3);
            assertThat(rows(out.resolve("timeseries.csv"))).filteredOn(r -> r.startsWith(point)).hasSize(3 * MONTHS);
            assertThat(rows(out.resolve("sites.csv"))).filteredOn(r -> r.startsWith(point)).hasSize(3 * SITES);
        }
        for (String design : List.of("designs/1-a", "designs/2-b")) {
            assertThat(out.resolve(design + "/summary.json")).doesNotExist(); // written by the command
            assertThat(out.resolve(design + "/scenario.resolved.yaml")).exists();
            assertThat(out.resolve(design + "/runs.csv")).doesNotExist();
        }
    }

    @Test
    void afterAFailedWriteNothingMoreIsStoredAndTheFolderIsNotPublished() throws Exception {
        Experiment e = experiment();
        Path out = dir.resolve("full");
        ResultsFolder folder = ResultsFolder.at(out);
        Path partial = folder.dir();
        try (ExperimentSession session = ExperimentSession.open(folder, e, true);
                LocalPool pool = new LocalPool(1)) {
            // Three tables are flushed per run: the fault strikes the second run's sites rows.
            session.injectWriteFault(4);
            assertThatThrownBy(() -> session.execute(pool, new StopSignal(), (run, result) -> { }))
                    .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
            assertThatThrownBy(session::commit).isInstanceOf(IOException.class);
        }
        assertThat(out).doesNotExist();
        Path d = partial;
        List<String> runs = rows(d.resolve("runs.csv"));
        assertThat(runs).hasSize(1);
        String key = runs.get(0).substring(0, runs.get(0).indexOf(',', runs.get(0).indexOf(',') + 1) + 1);
        assertThat(rows(d.resolve("timeseries.csv"))).filteredOn(r -> r.startsWith(key)).hasSize(MONTHS);
    }

    @Test
    void aCompareFolderOfTheOlderLayoutIsRefusedAndLeftAsItWas() throws Exception {
        Experiment e = experiment();
        ResultsFolder folder = ResultsFolder.at(dir.resolve("old"));
        Path partial = folder.dir();
        // What an older qicsim left when interrupted: each design's scenario and rows under designs/.
        for (DesignSpec d : e.designs()) {
            Path design = Files.createDirectories(partial.resolve("designs/" + d.point() + "-" + d.name()));
            Files.writeString(design.resolve(ExperimentSession.RESOLVED), d.scenario().canonicalYaml());
            Files.writeString(design.resolve("runs.csv"), "point,replicate,runSeed\n");
        }
        folder.close();
        assertThatThrownBy(() -> ExperimentSession.open(ResultsFolder.reopen(partial), e, true))
                .isInstanceOf(UserInputException.class).hasMessageContaining("earlier qicsim")
                .hasMessageContaining("start the comparison again");
        assertThat(partial.resolve("designs/1-a/runs.csv")).exists();
        assertThat(partial.resolve("runs.csv")).doesNotExist();
    }

    private static List<String> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }
}
