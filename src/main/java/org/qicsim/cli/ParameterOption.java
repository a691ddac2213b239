package org.qicsim.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.qicsim.patterns.PatternRunner;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.Outputs;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * {@code --parameters FILE|none} of {@code run}, {@code compare}, {@code attribute} and
 * {@code patterns}: a posterior sample (as {@code qicsim calibrate} writes it) whose draws the
 * replicates run, replicate k with
 * draw k (see {@link ParameterSample#rowsForReplicates}), the same draw for every design at
 * replicate k so differences stay paired draw by draw. Without the option {@code compare} runs the
 * posterior bundled in the jar ({@link #BUNDLED}, issue 12: prediction intervals by default), while
 * {@code run}, {@code attribute} and {@code patterns} run the scenario's own values; {@code none} asks
 * for the latter. {@code patterns} gives the draws to its validation patterns only (see
 * {@link PatternsCommand}).
 */
final class ParameterOption {
    private static final Logger LOG = Logger.getLogger(ParameterOption.class.getName());

    /** The calibration's posterior, copied into the jar by the build from scenarios/calibration/. */
    static final String BUNDLED_RESOURCE = "/org/qicsim/calibration/component-reviews-posterior.csv";
    /** How messages, summary.json and the manifest name the bundled posterior. */
    static final String BUNDLED = "bundled:component-reviews-posterior.csv";
    /** The value of {@code --parameters} that runs every replicate at the scenario's own values. */
    static final String NONE = "none";
    /** Which draw each replicate ran; written when the folder starts so that {@code --resume} can check it. */
    static final String CSV = "parameters.csv";

    @Option(names = "--parameters", paramLabel = "FILE|none",
            description = "A posterior sample (posterior.parquet or .csv from qicsim calibrate): replicate k runs draw k, "
                    + "the same draw for every design; summaries then add 95%% prediction intervals (piLow, piHigh). "
                    + "'none': every replicate at the scenario's own values. Default: compare runs the bundled posterior "
                    + "(" + BUNDLED + "), run, attribute and patterns none; patterns gives the draws to its validation "
                    + "patterns only.")
    Path file;

    /** Whether a command runs the bundled posterior when {@code --parameters} is not given. */
    enum Default { BUNDLED_POSTERIOR, NONE }

    /**
     * The loaded sample with each design's scenario per replicate.
     *
     * @param source the sample's file as given, or {@link #BUNDLED}
     */
    record Draws(ParameterSample sample, int[] rows, List<List<ResolvedScenario>> scenarios, String source,
            String sha256) {

        /** What summary.json and the manifest record of the sample. */
        Map<String, Object> describe() {
            Map<String, Object> m = new Sample(sample, source, sha256, source.equals(BUNDLED)).describe();
            m.put("perReplicate", "parameters.csv");
            return m;
        }

        /** One line for the console: which posterior the prediction intervals include. */
        String summaryLine() {
            return "Prediction intervals include parameter uncertainty: " + sample.size() + " draws of " + source
                    + " (sha256 " + sha256.substring(0, 8) + (sample.equalWeights() ? "" : ", resampled by weight")
                    + "); --parameters none leaves it out";
        }

        /** {@code parameters.csv}: replicate, the sample row and its draw id, the values the replicate ran. */
        String csv() throws IOException {
            List<String> header = new ArrayList<>(List.of("replicate", "row", "draw"));
            header.addAll(sample.parameters());
            StringWriter text = new StringWriter();
            try (CsvWriter csv = new CsvWriter(text, header)) {
                for (List<Object> line : assignment(sample, rows)) {
                    for (Object cell : line) {
                        csv.cellOf(cell);
                    }
                    csv.endRow();
                }
            }
            return text.toString();
        }
    }

    /** Replicate k's line of {@code parameters.csv}: k, its sample row, the row's draw id and its values. */
    private static List<List<Object>> assignment(ParameterSample sample, int[] rows) {
        List<List<Object>> out = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            List<Object> line = new ArrayList<>(List.of(k, rows[k], sample.drawId(rows[k])));
            for (int j = 0; j < sample.parameters().size(); j++) {
                line.add(sample.value(rows[k], j));
            }
            out.add(line);
        }
        return out;
    }

    /**
     * Records in a new folder which draw each replicate runs ({@link #CSV}), before any run; a
     * reopened folder ({@code --resume}) must have been started with the very same draws, or with
     * none if there are none now, since its stored runs ran them. Refused: the folder is let go.
     */
    static void record(ResultsFolder folder, Draws draws) throws IOException {
        try {
            Path file = folder.resolve(CSV);
            String now = draws == null ? null : draws.csv();
            if (!folder.isReopened()) {
                if (now != null) {
                    Files.writeString(file, now, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                }
                return;
            }
            String then = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (then == null ? now != null : !then.equals(now)) {
                throw new UserInputException(folder.dir() + " was started " + (then == null
                        ? "without parameter draws (--parameters none, or a qicsim before compare's default posterior)"
                        : now == null ? "with parameter draws (its " + CSV + "), not with --parameters none"
                        : "with other parameter draws than " + draws.source() + " gives (its " + CSV + " differs)")
                        + "; resume it with the --parameters it was started with");
            }
        } catch (IOException | RuntimeException e) {
            Outputs.closeAfter(e, folder);
            throw e;
        }
    }

    /**
     * Reads the sample and resolves every design's scenario at every replicate's draw; null when
     * the replicates run the scenario's own values ({@code none}, or no option and no default sample).
     */
    Draws load(List<Path> scenarios, ScenarioArguments arguments, long masterSeed, int replications,
            Default byDefault) throws ScenarioException, IOException {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        List<DesignLoader> designs = new ArrayList<>();
        for (Path scenario : scenarios) {
            designs.add(draw -> arguments.load(scenario, masterSeed, replications, quiet, draw));
        }
        return loadDesigns(designs, masterSeed, replications, byDefault);
    }

    /** How one design's scenario is resolved with one draw's parameter values as extra overrides. */
    @FunctionalInterface
    interface DesignLoader {
        ResolvedScenario load(List<KeyOverride> draw) throws ScenarioException;
    }

    /**
     * Reads the sample and resolves every design's scenario at every replicate's draw through its
     * loader (as {@code attribute} does for its 32 feature designs); null as for {@link #load}.
     */
    Draws loadDesigns(List<DesignLoader> designs, long masterSeed, int replications, Default byDefault)
            throws ScenarioException, IOException {
        Sample sample = read(byDefault);
        if (sample == null) {
            return null;
        }
        int[] rows = sample.rows(replications, masterSeed);
        List<List<ResolvedScenario>> all = new ArrayList<>();
        for (DesignLoader design : designs) {
            // Lookups only: a row's scenario is loaded once per design.
            Map<Integer, ResolvedScenario> byRow = new HashMap<>();
            List<ResolvedScenario> perReplicate = new ArrayList<>();
            for (int row : rows) {
                ResolvedScenario r = byRow.get(row);
                if (r == null) {
                    r = sample.bundled() ? loadBundled(design, sample.sample(), row)
                            : design.load(sample.sample().overrides(row));
                    byRow.put(row, r);
                }
                perReplicate.add(r);
            }
            all.add(perReplicate);
        }
        return new Draws(sample.sample(), rows, all, sample.source(), sample.sha256());
    }

    /**
     * Reads and checks the sample, before any replicate is given a draw (so that {@code patterns}
     * refuses a bad file before it runs anything); null as for {@link #load}.
     */
    Sample read(Default byDefault) throws ScenarioException, IOException {
        if (file == null ? byDefault == Default.NONE : file.toString().equals(NONE)) {
            return null;
        }
        if (file == null) {
            byte[] content = bundled();
            try {
                return new Sample(ParameterSample.readCsv(BUNDLED, new ByteArrayInputStream(content)), BUNDLED,
                        sha256(content), true);
            } catch (ScenarioException e) {
                throw e.relocated(Map.of(), BUNDLED_HINT);
            }
        }
        ParameterSample sample = ParameterSample.read(file);
        return new Sample(sample, file.toString().replace('\\', '/'), sha256(Files.readAllBytes(file)), false);
    }

    /**
     * A sample as read: its file as given (or {@link #BUNDLED}) and the SHA-256 of its bytes. As
     * {@link PatternRunner.ReplicateDraws} it gives {@code qicsim patterns} each replicate's draw.
     */
    record Sample(ParameterSample sample, String source, String sha256, boolean bundled)
            implements PatternRunner.ReplicateDraws {

        /** The sample row each replicate runs; says so when rows are reused because there are too few. */
        int[] rows(int replications, long masterSeed) {
            if (sample.equalWeights() && sample.size() < replications) {
                LOG.warning(source + " has " + sample.size() + " draws for " + replications + " replicates: draws are "
                        + "reused in order (replicate k runs draw k mod " + sample.size() + ")");
            }
            return sample.rowsForReplicates(replications, masterSeed);
        }

        @Override
        public List<List<KeyOverride>> overrides(int replicates, long masterSeed) {
            List<List<KeyOverride>> out = new ArrayList<>();
            for (int row : rows(replicates, masterSeed)) {
                out.add(sample.overrides(row));
            }
            return out;
        }

        @Override
        public List<String> parameters() {
            return sample.parameters();
        }

        @Override
        public List<List<Object>> assignment(int replicates, long masterSeed) {
            return ParameterOption.assignment(sample, sample.rowsForReplicates(replicates, masterSeed));
        }

        /** What the manifest records of the sample (without the per-replicate file {@link Draws} adds). */
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", source);
            m.put("sha256", sha256);
            m.put("draws", sample.size());
            m.put("parameters", sample.parameters());
            m.put("resampledByWeight", !sample.equalWeights());
            return m;
        }
    }

    /**
     * A design at a draw of the bundled posterior: a problem its values cause (a key the scenario
     * refuses, a value out of range) says where the draw came from and how to do without it.
     */
    private static ResolvedScenario loadBundled(DesignLoader design, ParameterSample sample, int row)
            throws ScenarioException {
        try {
            return design.load(sample.overrides(row));
        } catch (ScenarioException e) {
            throw e.relocated(Map.of(), BUNDLED_HINT);
        }
    }

    /** Follows every problem of the bundled posterior: where it came from and how to do without it. */
    private static final String BUNDLED_HINT = " (from compare's default posterior, " + BUNDLED
            + "; give --parameters FILE for another sample, or --parameters none for the scenario's own values)";

    /** The bytes of the bundled posterior; a jar built without it says so rather than failing later. */
    private static byte[] bundled() throws IOException {
        try (InputStream in = ParameterOption.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new UserInputException("this qicsim was built without its bundled posterior ("
                        + BUNDLED_RESOURCE.substring(1) + ", from scenarios/calibration/component-reviews-posterior.csv); "
                        + "give --parameters FILE or --parameters none");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
