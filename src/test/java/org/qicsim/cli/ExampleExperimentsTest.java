package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled example experiments, one per design: each is valid, with every point a valid scenario. */
class ExampleExperimentsTest {
    private static final Path EXAMPLES = Path.of("scenarios/experiments");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereIsOneExamplePerDesign() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString()))
                .containsExactly("grid.yaml", "lhs.yaml", "morris.yaml", "one-at-a-time.yaml", "sobol.yaml");
        for (Path p : examples().toList()) {
            String kind = p.getFileName().toString().replace(".yaml", "").replace("one-at-a-time", "oneAtATime");
            assertThat(Files.readString(p)).as(p.toString()).containsPattern("design: (\\{type: )?" + kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void dryRunsClean(Path example) {
        CliRun run = CliRun.of("sweep", example.toString(), "--dry-run", "--threads", "2");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(" points × ", "design:\npoint,");
    }
}
