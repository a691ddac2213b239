package org.qicsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.qicsim.experiment.ParameterSample;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * {@code --parameters FILE} of {@code run} and {@code compare}: a posterior sample (as
 * {@code qicsim calibrate} writes it) whose draws the replicates run, replicate k with draw k (see
 * {@link ParameterSample#rowsForReplicates}), the same draw for every design at replicate k so
 * differences stay paired draw by draw.
 */
final class ParameterOption {
    private static final Logger LOG = Logger.getLogger(ParameterOption.class.getName());

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "A posterior sample (posterior.parquet or .csv from qicsim calibrate): replicate k runs draw k, "
                    + "the same draw for every design; summaries then add 95%% prediction intervals (piLow, piHigh).")
    Path file;

    /** The loaded sample with each design's scenario per replicate. */
    record Draws(ParameterSample sample, int[] rows, List<List<ResolvedScenario>> scenarios, String sha256) {

        /** What summary.json and the manifest record of the sample. */
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", sample.file().toString().replace('\\', '/'));
            m.put("sha256", sha256);
            m.put("draws", sample.size());
            m.put("parameters", sample.parameters());
            m.put("resampledByWeight", !sample.equalWeights());
            m.put("perReplicate", "parameters.csv");
            return m;
        }

        /** {@code parameters.csv}: replicate, the sample row and its draw id, the values the replicate ran. */
        void writeCsv(ResultsFolder folder) throws IOException {
            List<String> header = new ArrayList<>(List.of("replicate", "row", "draw"));
            header.addAll(sample.parameters());
            try (CsvWriter csv = folder.csv("parameters.csv", header)) {
                for (int k = 0; k < rows.length; k++) {
                    csv.cell(k).cell(rows[k]).cell(sample.drawId(rows[k]));
                    for (int j = 0; j < sample.parameters().size(); j++) {
                        csv.cell(sample.value(rows[k], j));
                    }
                    csv.endRow();
                }
            }
        }
    }

    /**
     * Reads the sample and resolves every design's scenario at every replicate's draw; null
     * without {@code --parameters}.
     */
    Draws load(List<Path> scenarios, ScenarioArguments arguments, long masterSeed, int replications)
            throws ScenarioException, IOException {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        List<DesignLoader> designs = new ArrayList<>();
        for (Path scenario : scenarios) {
            designs.add(draw -> arguments.load(scenario, masterSeed, replications, quiet, draw));
        }
        return loadDesigns(designs, masterSeed, replications);
    }

    /** How one design's scenario is resolved with one draw's parameter values as extra overrides. */
    @FunctionalInterface
    interface DesignLoader {
        ResolvedScenario load(List<KeyOverride> draw) throws ScenarioException;
    }

    /**
     * Reads the sample and resolves every design's scenario at every replicate's draw through its
     * loader (as {@code attribute} does for its 32 feature designs); null without {@code --parameters}.
     */
    Draws loadDesigns(List<DesignLoader> designs, long masterSeed, int replications)
            throws ScenarioException, IOException {
        if (file == null) {
            return null;
        }
        ParameterSample sample = ParameterSample.read(file);
        int[] rows = sample.rowsForReplicates(replications, masterSeed);
        if (sample.equalWeights() && sample.size() < replications) {
            LOG.warning(file + " has " + sample.size() + " draws for " + replications + " replicates: draws are reused "
                    + "in order (replicate k runs draw k mod " + sample.size() + ")");
        }
        List<List<ResolvedScenario>> all = new ArrayList<>();
        for (DesignLoader design : designs) {
            // Lookups only: a row's scenario is loaded once per design.
            Map<Integer, ResolvedScenario> byRow = new HashMap<>();
            List<ResolvedScenario> perReplicate = new ArrayList<>();
            for (int row : rows) {
                ResolvedScenario r = byRow.get(row);
                if (r == null) {
                    r = design.load(sample.overrides(row));
                    byRow.put(row, r);
                }
                perReplicate.add(r);
            }
            all.add(perReplicate);
        }
        return new Draws(sample, rows, all, sha256(file));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
