package org.qicsim.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.experiment.CsvRunStore;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.StoreTables;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;

/**
 * The files of a sweep folder that describe the experiment: {@code experiment.resolved.yaml},
 * {@code scenario.resolved.yaml} (the base scenario it names), {@code design.csv} (point id, role
 * columns, factor values) and {@code manifest.json}, rewritten as the sweep goes (status, sessions,
 * runs stored). A resumed sweep checks the first three against a fresh resolution of the experiment
 * file and refuses, saying which line changed, if they differ.
 */
public final class SweepFolder {
    public static final String DESIGN = "design.csv";
    public static final String MANIFEST = "manifest.json";
    /** Manifest field naming the experiment file as given, so {@code --resume DIR} can find it. */
    public static final String EXPERIMENT_FILE = "experimentFile";

    private SweepFolder() {
    }

    /** Writes the experiment's files into a new sweep folder. */
    public static void writeExperiment(ResultsFolder folder, ExperimentFile e) throws IOException {
        Files.writeString(folder.resolve(ExperimentFile.RESOLVED), e.resolvedYaml(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW);
        Files.writeString(folder.resolve(ExperimentYaml.SCENARIO), e.base().canonicalYaml(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW);
        e.design().writeCsv(folder.resolve(DESIGN));
    }

    /**
     * Refuses to continue {@code folder} with {@code e} unless the folder's experiment, base scenario
     * and design are what {@code e} resolves to now.
     */
    public static void checkMatches(ResultsFolder folder, ExperimentFile e) throws IOException {
        String file = e.file().toString();
        String where = folder.dir().toString();
        String resolvedNow = e.resolvedYaml();
        String resolvedThen = read(folder, ExperimentFile.RESOLVED);
        String scenarioThen = read(folder, ExperimentYaml.SCENARIO);
        // The experiment's own settings first (its seed and replications reach the base scenario
        // too, and are best named where the user wrote them), the scenario's hash line aside.
        String changed = difference(ExperimentFile.RESOLVED, resolvedThen, resolvedNow, "scenarioHash:");
        if (changed != null) {
            throw new UserInputException("cannot resume " + where + ": " + file + " no longer resolves to its "
                    + ExperimentFile.RESOLVED + " (" + changed + ")");
        }
        changed = difference(ExperimentYaml.SCENARIO, scenarioThen, e.base().canonicalYaml(), null);
        if (changed != null) {
            throw new UserInputException("cannot resume " + where + ": the base scenario of " + file + " has changed "
                    + "since the sweep started (" + changed + ")");
        }
        StringWriter design = new StringWriter();
        e.design().writeCsv(design);
        if (!resolvedThen.equals(resolvedNow)) {
            throw new UserInputException("cannot resume " + where + ": " + ExperimentFile.RESOLVED + " names a base "
                    + "scenario whose hash differs from " + ExperimentYaml.SCENARIO + "'s; the folder was edited");
        }
        changed = difference(DESIGN, read(folder, DESIGN), design.toString(), null);
        if (changed != null) {
            throw new UserInputException("cannot resume " + where + ": the design generated now differs from its "
                    + DESIGN + " (" + changed + "); was qicsim updated?");
        }
    }

    private static String read(ResultsFolder folder, String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(folder.dir() + " is not a sweep folder: it has no " + name);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * The first line at which two texts differ, both versions quoted, or null when they are the
     * same; lines starting with {@code ignored} (if not null) are passed over.
     */
    static String difference(String name, String then, String now, String ignored) {
        List<String> a = then.lines().toList();
        List<String> b = now.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : null;
            String y = i < b.size() ? b.get(i) : null;
            boolean skip = ignored != null && x != null && y != null && x.startsWith(ignored) && y.startsWith(ignored);
            if (!skip && (x == null || !x.equals(y))) {
                return name + " line " + (i + 1) + " was " + quote(x) + ", is now " + quote(y);
            }
        }
        return ignored == null && !then.equals(now) ? name + " differs in its line ends" : null;
    }

    private static String quote(String line) {
        return line == null ? "absent" : "\"" + line.strip() + "\"";
    }

    /** Whether the folder has its manifest (written before any run starts). */
    public static boolean hasManifest(ResultsFolder folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST));
    }

    /**
     * Removes what a sweep killed before its first manifest may have half written (its experiment
     * files, an empty store), after checking that it holds no runs.
     */
    public static void clearUnstarted(ResultsFolder folder) throws IOException {
        if (Files.exists(folder.resolve(CsvRunStore.RUNS_CSV))
                || !org.qicsim.results.duckdb.ResultsTables.parts(folder.resolve(StoreTables.RUNS)).isEmpty()) {
            throw new UserInputException(folder.dir() + " has runs but no " + MANIFEST + "; it was edited, and cannot be "
                    + "resumed");
        }
        for (String name : List.of(ExperimentFile.RESOLVED, ExperimentYaml.SCENARIO, DESIGN, MANIFEST + ".tmp")) {
            Files.deleteIfExists(folder.resolve(name));
        }
    }

    /** The manifest of a sweep folder. */
    public static Manifest readManifest(ResultsFolder folder) throws IOException {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(folder.dir() + " is not a sweep folder: it has no " + MANIFEST);
        }
        return Manifest.read(file);
    }

    /** Writes (or replaces, in one step) the folder's manifest. */
    public static void writeManifest(ResultsFolder folder, Manifest manifest) throws IOException {
        Path file = folder.resolve(MANIFEST);
        Path tmp = folder.resolve(MANIFEST + ".tmp");
        Files.writeString(tmp, manifest.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The experiment file a manifest records, or null. */
    public static Path recordedExperiment(Manifest manifest) {
        Object v = manifest.extra().get(EXPERIMENT_FILE);
        String text = v instanceof JsonNode node ? node.asText(null) : v instanceof String s ? s : null;
        return text == null || text.isEmpty() ? null : Path.of(text);
    }

    /** The manifest fields describing the experiment, added to a command's manifest. */
    public static Manifest describe(Manifest manifest, ExperimentFile e, SweepPlan plan) {
        List<String> factors = new ArrayList<>();
        e.factors().forEach(f -> factors.add(f.path()));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("monthly", e.outputs().monthly());
        outputs.put("sites", e.outputs().sites());
        return manifest.withExtra(EXPERIMENT_FILE, e.file().toString().replace('\\', '/'))
                .withExtra("experimentHash", e.sha256())
                .withExtra("scenarioFile", e.scenarioFile().normalize().toString().replace('\\', '/'))
                .withExtra("design", e.generator().kind().yamlName())
                .withExtra("factors", factors)
                .withExtra("points", plan.points())
                .withExtra("replications", plan.replications())
                .withExtra("runs", plan.runs())
                .withExtra("commonRandomNumbers", e.commonRandomNumbers())
                .withExtra("outputs", outputs);
    }

    /** The manifest at the end of a session: status, totals, and this session appended to {@code sessions}. */
    public static Manifest finish(Manifest manifest, Instant start, List<String> args, int threads,
            ExperimentSession.Outcome outcome, String status) {
        Instant end = Instant.now();
        List<Object> sessions = new ArrayList<>();
        Object earlier = manifest.extra().get("sessions");
        if (earlier instanceof JsonNode array) {
            array.forEach(sessions::add);
        } else if (earlier instanceof List<?> list) {
            sessions.addAll(list);
        }
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("startUtc", start.truncatedTo(ChronoUnit.MILLIS).toString());
        session.put("endUtc", end.truncatedTo(ChronoUnit.MILLIS).toString());
        session.put("commandLine", args);
        session.put("threads", threads);
        session.put("runs", outcome == null ? 0 : outcome.runsThisSession());
        session.put("counterfactualArms", outcome == null ? 0 : outcome.counterfactualArms());
        session.put("status", status);
        sessions.add(session);
        Manifest m = manifest.withExtra("status", status).withExtra("sessions", sessions);
        if (outcome != null) {
            m = m.withExtra("runsStored", outcome.stored());
        }
        return status.equals("complete") ? m.withEnd(end) : m;
    }
}
