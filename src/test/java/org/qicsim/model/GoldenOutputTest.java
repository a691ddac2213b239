package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.experiment.Seeds;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Golden outputs of a tiny scenario (the bundled defaults with 8 sites and a 30-month horizon, 2
 * replicates of master seed 20231201): every value of runs (metrics), timeseries and sites rows, and
 * the counterfactual arm's per-site monthly effort, compliance, cases and events (read by other
 * tools as a "usual care" arm), compared as parsed numbers with the files in
 * {@code src/test/resources/golden/}. A regression pin: it fixes today's numbers, so any change to
 * the engine's outputs shows here.
 *
 * <p>When outputs change on purpose, regenerate the files in the same commit and say why in its
 * message:
 * <pre>
 *   mvn -B -ntp -Dtest=GoldenOutputTest -Dqicsim.regenerateGolden=true -Dsurefire.failIfNoSpecifiedTests=false test
 * </pre>
 */
class GoldenOutputTest {
    static final long MASTER_SEED = 20231201L;
    static final int REPLICATES = 2;
    static final Path DIR = Path.of("src/test/resources/golden");

    @Test
    void outputsOfATinyScenarioMatchTheGoldenFiles() throws IOException {
        ResolvedScenario s = TestScenarios.resolved("sites.count=8", "horizonMonths=30",
                "collaborative.incentives.performance.design=threshold");
        List<String> runs = new ArrayList<>();
        List<String> timeseries = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        List<String> counterfactual = new ArrayList<>();
        runs.add("replicate," + String.join(",", RunResult.METRICS));
        timeseries.add("replicate,month," + String.join(",", RunResult.TIMESERIES_COLUMNS));
        sites.add("replicate,site," + String.join(",", RunResult.SITE_COLUMNS));
        counterfactual.add("replicate,month,site,effort,compliance,cases,events");
        for (int r = 0; r < REPLICATES; r++) {
            RunResult result = Run.execute(s.scenario(), s::collaborativeAt, Seeds.runSeed(MASTER_SEED, r));
            StringBuilder row = new StringBuilder().append(r);
            for (String m : RunResult.METRICS) {
                row.append(',').append(result.metric(m));
            }
            runs.add(row.toString());
            for (int t = 0; t < result.months(); t++) {
                row = new StringBuilder().append(r).append(',').append(t);
                for (double v : result.timeseriesRow(t)) {
                    row.append(',').append(v);
                }
                timeseries.add(row.toString());
            }
            ArmTrace cf = result.counterfactual();
            for (int j = 0; j < cf.sites(); j++) {
                row = new StringBuilder().append(r).append(',').append(j);
                for (Object v : result.siteRow(j)) {
                    row.append(',').append(v);
                }
                sites.add(row.toString());
                for (int t = 0; t < cf.months(); t++) {
                    counterfactual.add(r + "," + t + "," + j + "," + cf.effort(t, j) + "," + cf.compliance(t, j)
                            + "," + cf.siteCases(t, j) + "," + cf.siteEvents(t, j));
                }
            }
        }
        check("runs.csv", runs);
        check("timeseries.csv", timeseries);
        check("sites.csv", sites);
        check("counterfactual.csv", counterfactual);
    }

    private static void check(String name, List<String> actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("qicsim.regenerateGolden")) {
            Files.createDirectories(DIR);
            Files.write(file, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(actual).as(name + " rows").hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            String[] e = expected.get(k).split(",", -1);
            String[] a = actual.get(k).split(",", -1);
            assertThat(a).as("%s line %d: columns", name, k + 1).hasSameSizeAs(e);
            for (int c = 0; c < e.length; c++) {
                if (k == 0) {
                    assertThat(a[c]).as("%s header column %d", name, c + 1).isEqualTo(e[c]);
                } else {
                    assertSameValue(name + " line " + (k + 1) + " column " + expected.get(0).split(",")[c], e[c], a[c]);
                }
            }
        }
    }

    /** Numbers compare as parsed doubles (NaN equals NaN); anything else (booleans) as text. */
    private static void assertSameValue(String where, String expected, String actual) {
        Double e = parse(expected);
        Double a = parse(actual);
        if (e == null || a == null) {
            assertThat(actual).as(where).isEqualTo(expected);
        } else {
            assertThat(Double.compare(a, e)).as("%s: expected %s, was %s", where, expected, actual).isZero();
        }
    }

    private static Double parse(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
