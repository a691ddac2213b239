package org.qicsim.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ScenarioException;
import org.qicsim.scenario.ScenarioLoader;

/**
 * A seeded generative test of the loaders (issue 15, item 6): 10,000 files made by mutating the
 * bundled scenarios and experiments (lines deleted, duplicated, swapped, cut; random bytes; values
 * changed in type or made huge; deep nesting; YAML tags; hostile {@code extends} and
 * {@code scenario} targets), loaded in process. Criteria: no exception but the located
 * {@link ScenarioException} escapes; every problem it lists names its file with a line and column,
 * or is about the file as a whole (line 0: cannot be read, not a regular file); no file takes more
 * than 5 seconds.
 */
class GeneratedBadInputTest {
    private static final int FILES = 10_000;
    private static final long SEED = 0x15_0006L;

    @TempDir
    Path dir;

    @Test
    void tenThousandMutatedFilesAreAcceptedOrRejectedWithLocatedProblems() throws IOException {
        Path tree = dir.resolve("scenarios");
        List<Path> sources = copyTree(Path.of("scenarios"), tree);
        SplittableRandom random = new SplittableRandom(SEED);
        int accepted = 0;
        int rejected = 0;
        long slowestNanos = 0;
        for (int i = 0; i < FILES; i++) {
            Path source = sources.get(random.nextInt(sources.size()));
            boolean experiment = source.getParent().getFileName().toString().equals("experiments");
            List<String> lines = new ArrayList<>(Files.readAllLines(source, StandardCharsets.UTF_8));
            int mutations = 1 + random.nextInt(3);
            StringBuilder applied = new StringBuilder();
            byte[] bytes = null;
            for (int m = 0; m < mutations; m++) {
                applied.append(mutate(lines, random)).append("; ");
            }
            String text = String.join("\n", lines) + "\n";
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0) {
                bytes = withRandomBytes(bytes, random);
                applied.append("random bytes; ");
            }
            Path mutant = source.resolveSibling("mutant" + (source.getFileName().toString().endsWith(".json") ? ".json" : ".yaml"));
            Files.write(mutant, bytes);
            String label = "mutant " + i + " of " + tree.relativize(source) + " (" + applied + "seed " + SEED + ")";
            long start = System.nanoTime();
            Problem[] problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(mutant, experiment), label);
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
            if (problems.length == 0) {
                accepted++;
                continue;
            }
            rejected++;
            for (Problem p : problems) {
                assertThat(p.file()).as(label + ": " + p.format()).isNotBlank();
                boolean located = p.line() >= 1 && p.column() >= 1;
                boolean wholeFile = p.line() == 0 && (p.message().contains("cannot read")
                        || p.message().contains("not a regular file") || p.message().contains("larger than"));
                assertThat(located || wholeFile).as(label + ": " + p.format()).isTrue();
            }
        }
        System.out.printf("GeneratedBadInputTest: %d files, %d accepted, %d rejected, slowest %.0f ms%n", FILES,
                accepted, rejected, slowestNanos / 1e6);
        assertThat(rejected).as("the mutations must mostly break files").isGreaterThan(FILES / 2);
    }

    /** The problems of loading {@code file}, none if it loads; any other exception fails the test. */
    private static Problem[] load(Path file, boolean experiment) {
        try {
            if (experiment) {
                ExperimentFile.load(file);
            } else {
                ScenarioLoader.load(file, List.of());
            }
            return new Problem[0];
        } catch (ScenarioException e) {
            assertThat(e.problems()).isNotEmpty();
            return e.problems().toArray(Problem[]::new);
        }
    }

    private static final String[] HOSTILE = {
        "extends: /dev/zero", "extends: /dev/urandom", "extends: \"a\\0b.yaml\"", "extends: mutant.yaml",
        "extends: ../../../../../../etc/passwd", "extends: .", "extends: [1, 2]", "scenario: /dev/zero",
        "scenario: \"x\\0y\"", "scenario: mutant.yaml", "name: !!python/object:os.system x", "sites: !foo {}",
        "%TAG !e! tag:example.com,2000:", "seed: 99999999999999999999999", "replications: 1e308",
        "sites: {count: 1e9}", "design: {type: lhs, n: 1000000000}", "design: {type: sobol, n: 1073741824}",
        "horizonMonths: -1", "name: " + "x".repeat(300), "description: \"\\ud800\"", "? [a, b]\n: c",
        "a: &x 1\nb: *x", "---\nname: two", "\t- tab", "factors: {sites.count: {min: 1, max: 1e300, levels: 1000000}}",
    };

    /** One mutation of the file's lines; returns its description. */
    private static String mutate(List<String> lines, SplittableRandom random) {
        if (lines.isEmpty()) {
            lines.add("");
        }
        int at = random.nextInt(lines.size());
        switch (random.nextInt(9)) {
            case 0 -> {
                lines.remove(at);
                return "line " + (at + 1) + " deleted";
            }
            case 1 -> {
                lines.add(at, lines.get(at));
                return "line " + (at + 1) + " duplicated";
            }
            case 2 -> {
                int other = random.nextInt(lines.size());
                String a = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, a);
                return "lines " + (at + 1) + " and " + (other + 1) + " swapped";
            }
            case 3 -> {
                String line = lines.get(at);
                lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                return "line " + (at + 1) + " cut";
            }
            case 4 -> {
                lines.set(at, changeValue(lines.get(at), random));
                return "value on line " + (at + 1) + " changed";
            }
            case 5 -> {
                int depth = 1 + random.nextInt(200);
                lines.add(at, "deep: " + "[".repeat(depth) + "1" + "]".repeat(random.nextInt(depth + 1)));
                return "nesting " + depth + " at line " + (at + 1);
            }
            case 6 -> {
                String hostile = HOSTILE[random.nextInt(HOSTILE.length)];
                lines.add(random.nextBoolean() ? 0 : at, hostile);
                return "inserted \"" + hostile.replace("\n", "\\n") + "\"";
            }
            case 7 -> {
                lines.set(at, " ".repeat(random.nextInt(5)) + lines.get(at).strip());
                return "line " + (at + 1) + " re-indented";
            }
            default -> {
                lines.subList(at, lines.size()).clear();
                return "truncated at line " + (at + 1);
            }
        }
    }

    private static final String[] VALUES = {"1e308", "-1e308", "99999999999999999999", "0", "-1", ".nan", ".inf",
        "\"text\"", "[1, 2, 3]", "{a: 1}", "true", "null", "~", "0x7fffffff", "1_000", "\"\"", "'unterminated",
        "-.inf", "2147483648", "[]"};

    private static String changeValue(String line, SplittableRandom random) {
        int colon = line.indexOf(": ");
        String value = VALUES[random.nextInt(VALUES.length)];
        return colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value;
    }

    private static byte[] withRandomBytes(byte[] bytes, SplittableRandom random) {
        byte[] out = bytes.clone();
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n && out.length > 0; k++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** Copies the bundled scenarios (with their relative extends) and returns the YAML/JSON files, sorted. */
    private static List<Path> copyTree(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    String name = p.getFileName().toString();
                    if (name.endsWith(".yaml") || name.endsWith(".json")) {
                        files.add(target);
                    }
                }
            }
        }
        return files;
    }
}
