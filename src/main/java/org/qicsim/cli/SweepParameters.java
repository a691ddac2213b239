package org.qicsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.experiment.sweep.FactorEntry;
import org.qicsim.experiment.sweep.SweepPlan;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.ScenarioException;

/**
 * {@code sweep --parameters FILE}: replicate k of every design point runs draw k of a posterior
 * sample (as for {@code run} and {@code compare}), so points stay paired draw by draw. A parameter
 * may not also be a factor; every point is checked with every draw it will run before any run; a
 * resumed sweep must be given the same sample (by SHA-256). The points table keeps its columns:
 * its SD and n give the prediction interval (mean ± t·sd·√(1 + 1/n)).
 */
final class SweepParameters {
    private SweepParameters() {
    }

    static SweepPlan apply(SweepPlan plan, Path file) throws ScenarioException, IOException {
        ParameterSample sample = ParameterSample.read(file);
        for (FactorEntry f : plan.experiment().factors()) {
            if (sample.parameters().contains(f.path())) {
                throw new UserInputException(file + ": column " + f.path() + " is also a factor of "
                        + plan.experiment().file() + "; a key is either varied by the design or drawn from the sample");
            }
        }
        SweepPlan withDraws = plan.withParameters(sample);
        int[] rows = sample.rowsForReplicates(plan.replications(), plan.experiment().masterSeed());
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int row : rows) {
            distinct.add(row);
        }
        for (int point = 1; point <= plan.points(); point++) {
            for (int row : distinct) {
                plan.scenarios().resolve(point, sample.overrides(row));
            }
        }
        return withDraws;
    }

    static Map<String, Object> describe(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString().replace('\\', '/'));
        m.put("sha256", sha256(file));
        return m;
    }

    /** A resumed sweep runs the same draws as it started with, or none if it started with none. */
    static void checkResume(Manifest previous, Map<String, Object> now, ResultsFolder folder) {
        Object then = previous.extra().get("parameters");
        String thenSha = then instanceof JsonNode node && node.has("sha256") ? node.get("sha256").asText()
                : then instanceof Map<?, ?> map && map.get("sha256") != null ? map.get("sha256").toString() : null;
        String nowSha = now == null ? null : (String) now.get("sha256");
        if (thenSha == null ? nowSha != null : !thenSha.equals(nowSha)) {
            throw new UserInputException("cannot resume " + folder.dir() + ": it was started "
                    + (thenSha == null ? "without --parameters" : "with --parameters of sha256 " + thenSha.substring(0, 8))
                    + "; give the same sample again");
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
