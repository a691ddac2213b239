package org.qicsim.experiment.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qicsim.scenario.ScenarioException;

/** Small experiment files over michigan-cqi shrunk to 10 sites and 24 months, for fast sweeps. */
final class Experiments {
    static final Path MICHIGAN = Path.of("scenarios/michigan-cqi.yaml").toAbsolutePath();

    private Experiments() {
    }

    /** The head every test experiment shares: base scenario, seed 7, the small settings. */
    static String head(int replications) {
        return "scenario: " + MICHIGAN + "\nseed: 7\nreplications: " + replications
                + "\nset: {sites.count: 10, horizonMonths: 24}\n";
    }

    static Path write(Path dir, String text) {
        try {
            Path file = dir.resolve("experiment.yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExperimentFile load(Path dir, String text) {
        try {
            return ExperimentFile.load(write(dir, text));
        } catch (ScenarioException e) {
            throw new AssertionError(e.format(), e);
        }
    }
}
