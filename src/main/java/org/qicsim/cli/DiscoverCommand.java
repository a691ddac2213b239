package org.qicsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qicsim.analysis.prim.PeelStep;
import org.qicsim.analysis.prim.Prim;
import org.qicsim.analysis.prim.PrimData;
import org.qicsim.results.BuildInfo;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.SummaryJson;
import org.qicsim.results.UserInputException;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.QueryException;
import org.qicsim.results.duckdb.QueryRunner;
import org.qicsim.results.duckdb.QueryTable;
import org.qicsim.results.duckdb.ResultsTables;
import org.qicsim.scenario.tree.DidYouMean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim discover SWEEP_FOLDER --metric M --below|--above X}: scenario discovery by PRIM
 * ({@link Prim}) over a sweep's factors (docs/DECISIONS.md "Scenario discovery"). A case is a design
 * point (its mean of M, the default) or a run ({@code --per run}); it is of interest when its value
 * is below or above X. Prints the peeling trajectory and the chosen box; writes {@code prim.csv} into
 * a new folder ({@code results/discover/<stamp>-<hash8>/} or {@code --out}) or to {@code --csv FILE},
 * never into the sweep folder and never over anything.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Scenario discovery: PRIM boxes of a sweep's factors where a metric is below or above a threshold.")
public final class DiscoverCommand implements Callable<Integer> {

    static final String VALUE = "__qicsim_value";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP_FOLDER", description = "A sweep results folder.")
    private Path sweep;

    @Option(names = "--metric", required = true, paramLabel = "M", description = "The metric, e.g. eventsAverted.")
    private String metric;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Threshold threshold;

    static final class Threshold {
        @Option(names = "--below", paramLabel = "X", description = "Cases of interest: metric < X.")
        Double below;

        @Option(names = "--above", paramLabel = "X", description = "Cases of interest: metric > X.")
        Double above;
    }

    @Option(names = "--per", paramLabel = "point|run", defaultValue = "point",
            description = "A case is a design point (its mean over replicates) or a run (default: ${DEFAULT-VALUE}).")
    private String per;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "Share of the box's cases peeled per step (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--min-support", paramLabel = "S", defaultValue = "0.05",
            description = "Smallest box, as a share of all cases (default: ${DEFAULT-VALUE}).")
    private double minSupport;

    @Option(names = "--min-density", paramLabel = "D", defaultValue = "0.8",
            description = "The chosen box is the largest with at least this density (default: ${DEFAULT-VALUE}).")
    private double minDensity;

    @Option(names = "--paste", description = "Paste the chosen box (widen it while its density holds).")
    private boolean paste;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the trajectory to this new CSV file instead of a folder.")
    private Path csv;

    @Mixin
    private FolderOptions folders;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        checkOptions();
        Path manifestFile = sweep.resolve("manifest.json");
        if (!Files.isDirectory(sweep) || !Files.isRegularFile(manifestFile) || !Files.isRegularFile(sweep.resolve("design.csv"))) {
            throw new UserInputException("not a sweep results folder (no manifest.json and design.csv): " + sweep);
        }
        Manifest sweepManifest = Manifest.read(manifestFile);
        List<String> factors = new ArrayList<>();
        // Read back from JSON, extra fields are Jackson nodes.
        if (sweepManifest.extra().get("factors") instanceof JsonNode list && list.isArray()) {
            list.forEach(f -> factors.add(f.asText()));
        }
        if (factors.isEmpty()) {
            throw new UserInputException(manifestFile + " names no factors; is " + sweep + " a sweep folder?");
        }
        Instant start = Instant.now();
        List<List<String>> cases = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        read(factors, cases, values);
        boolean below = threshold.below != null;
        double x = below ? threshold.below : threshold.above;
        boolean[] y = new boolean[values.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = below ? values.get(i) < x : values.get(i) > x;
        }
        PrimData data = PrimData.of(factors, cases, y);
        if (data.positives() == 0) {
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            throw new UserInputException("no case of interest: none of the " + data.cases() + " " + per + "s has "
                    + metric + (below ? " < " : " > ") + x + " (its values range from " + min + " to " + max + ")");
        }
        if (data.positives() == data.cases()) {
            spec.commandLine().getErr().println("discover: every case has " + metric + (below ? " < " : " > ") + x
                    + "; the box of every case is the answer");
        }
        List<PeelStep> trajectory = new ArrayList<>(Prim.peel(data, alpha,
                Math.max(1, (int) Math.ceil(minSupport * data.cases()))));
        int chosen = Prim.choose(trajectory, minDensity);
        if (paste) {
            List<PeelStep> pasted = Prim.paste(data, trajectory.get(chosen), alpha, trajectory.size());
            trajectory.addAll(pasted);
            if (!pasted.isEmpty()) {
                chosen = trajectory.size() - 1;
            }
        }
        print(stdout, data, trajectory, chosen, below, x);
        if (csv != null) {
            writeTrajectory(csv, data, trajectory, chosen);
            stdout.println(csv);
            return ExitCodes.OK;
        }
        String hash = hash(sweepManifest, below, x);
        try (ResultsFolder folder = folders.create(root -> ResultsFolder.forRun(root, "discover", start, hash))) {
            var log = folder.log();
            writeTrajectory(folder.resolve("prim.csv"), data, trajectory, chosen);
            PeelStep box = trajectory.get(chosen);
            Map<String, Object> restrictions = new LinkedHashMap<>();
            PeelStep whole = trajectory.get(0);
            for (int j = 0; j < data.factors(); j++) {
                if (box.box().restricts(j, whole.box())) {
                    restrictions.put(data.names().get(j), box.box().describe(j));
                }
            }
            folder.writeSummary("", new SummaryJson().put("kind", "discover")
                    .put("sweep", sweep.toAbsolutePath().normalize().toString().replace('\\', '/'))
                    .put("metric", metric).put("per", per).put(below ? "below" : "above", x)
                    .put("cases", data.cases()).put("casesOfInterest", data.positives())
                    .put("alpha", alpha).put("minSupport", minSupport).put("minDensity", minDensity).put("paste", paste)
                    .put("chosenStep", box.step()).put("coverage", box.coverage()).put("density", box.density())
                    .put("support", box.support()).put("box", restrictions));
            Manifest m = Manifest.start(BuildInfo.load(), spec.commandLine().getParseResult().originalArgs(), start);
            if (sweepManifest.scenarioHash() != null) {
                m = m.withScenario(sweepManifest.scenarioHash(), sweepManifest.masterSeed(), sweepManifest.seedScheme());
            }
            folder.writeManifest("", m.withExtra("kind", "discover").withExtra("factors", factors).withEnd(Instant.now()));
            log.close();
            stdout.println(folder.commit());
        }
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (!per.equals("point") && !per.equals("run")) {
            throw new UserInputException("--per must be point or run, was \"" + per + "\"");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new UserInputException("--alpha must be in (0, 0.5), was " + alpha);
        }
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new UserInputException("--min-support must be in (0, 1], was " + minSupport);
        }
        if (!(minDensity >= 0 && minDensity <= 1)) {
            throw new UserInputException("--min-density must be in [0, 1], was " + minDensity);
        }
        if (csv != null && folders.out != null) {
            throw new UserInputException("give --csv FILE or --out DIR, not both");
        }
        Path inside = sweep.toAbsolutePath().normalize();
        for (Path target : new Path[] {csv, folders.out}) {
            if (target != null && target.toAbsolutePath().normalize().startsWith(inside)) {
                throw new UserInputException(target + " is inside the sweep folder " + sweep
                        + "; discover never writes into a sweep folder");
            }
        }
        if (csv != null && Files.exists(csv)) {
            throw new UserInputException("--csv " + csv + " exists; qicsim never overwrites a file");
        }
    }

    /** Reads the cases (factor values as text) and their metric values, skipping cases without a value. */
    private void read(List<String> factors, List<List<String>> cases, List<Double> values) throws IOException {
        try (DuckDb db = DuckDb.openWithTemporarySpill()) {
            List<String> tables = ResultsTables.register(db, sweep);
            String table = per.equals("point") ? "points" : "runs";
            if (!tables.contains("design") || !tables.contains(table)) {
                throw new UserInputException(sweep + " has no " + table + " table; is it a finished sweep folder?");
            }
            QueryRunner runner = new QueryRunner(db);
            List<String> metrics = new ArrayList<>();
            if (per.equals("point")) {
                for (List<String> row : runner.query("SELECT DISTINCT metric FROM points ORDER BY metric", Integer.MAX_VALUE).rows()) {
                    metrics.add(row.get(0));
                }
            } else {
                metrics.addAll(runner.query("SELECT * FROM runs LIMIT 0", 0).columns());
                metrics.removeAll(List.of("point", "replicate", "runSeed"));
            }
            if (!metrics.contains(metric)) {
                throw new UserInputException("--metric: no metric \"" + metric + "\" in the " + table + " of " + sweep
                        + DidYouMean.phrase(DidYouMean.among(metric, metrics)) + " (valid: " + String.join(", ", metrics) + ")");
            }
            StringBuilder select = new StringBuilder("SELECT ");
            for (String f : factors) {
                select.append("d.").append(quote(f)).append(", ");
            }
            String sql = per.equals("point")
                    ? select + "p.mean AS " + VALUE + " FROM design d JOIN points p USING (point) WHERE p.metric = '"
                            + metric.replace("'", "''") + "' ORDER BY d.point"
                    : select + "r." + quote(metric) + " AS " + VALUE + " FROM design d JOIN runs r USING (point) "
                            + "ORDER BY r.point, r.replicate";
            QueryTable t = runner.query(sql, Integer.MAX_VALUE);
            int skipped = 0;
            for (List<String> row : t.rows()) {
                String v = row.get(factors.size());
                if (v == null || v.isEmpty()) {
                    skipped++;
                    continue;
                }
                double value = Double.parseDouble(v);
                if (Double.isNaN(value)) {
                    skipped++;
                    continue;
                }
                cases.add(List.copyOf(row.subList(0, factors.size())));
                values.add(value);
            }
            if (skipped > 0) {
                spec.commandLine().getErr().println("discover: " + skipped + " cases without a value of " + metric
                        + " left out");
            }
            if (cases.isEmpty()) {
                throw new UserInputException("no case of " + sweep + " has a value of " + metric);
            }
        } catch (QueryException e) {
            throw new IllegalStateException("reading " + sweep + ": " + e.getMessage(), e);
        } catch (DuckDbUnavailableException | java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    private String hash(Manifest sweepManifest, boolean below, double x) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Object experimentHash = sweepManifest.extra().get("experimentHash");
            String key = (experimentHash instanceof JsonNode n ? n.asText() : String.valueOf(experimentHash)) + "\n" + metric + "\n" + per + "\n"
                    + (below ? "below " : "above ") + x + "\n" + alpha + "\n" + minSupport + "\n" + minDensity + "\n" + paste;
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** prim.csv: step, move, cases, support, coverage, density, chosen, then each factor's range in the box. */
    static void writeTrajectory(Path file, PrimData data, List<PeelStep> trajectory, int chosen) throws IOException {
        List<String> header = new ArrayList<>(List.of("step", "move", "cases", "support", "coverage", "density", "chosen"));
        header.addAll(data.names());
        try (CsvWriter w = CsvWriter.create(file, header)) {
            for (PeelStep s : trajectory) {
                w.cell(s.step()).cell(s.move()).cell(s.cases()).cell(s.support()).cell(s.coverage()).cell(s.density())
                        .cell(s.step() == chosen);
                for (int j = 0; j < data.factors(); j++) {
                    w.cell(s.box().describe(j));
                }
                w.endRow();
            }
        }
    }

    private void print(PrintWriter o, PrimData data, List<PeelStep> trajectory, int chosen, boolean below, double x) {
        o.printf(Locale.ROOT, "PRIM on %d %ss of %s: %d of interest (%s %s %s); alpha %s%n", data.cases(), per, sweep,
                data.positives(), metric, below ? "<" : ">", SummaryPrinter.number(x), alpha);
        o.printf(Locale.ROOT, "%5s %7s %8s %8s %8s  %s%n", "step", "cases", "support", "coverage", "density", "move");
        PeelStep whole = trajectory.get(0);
        for (PeelStep s : trajectory) {
            o.printf(Locale.ROOT, "%5d %7d %8.3f %8.3f %8.3f  %s%s%n", s.step(), s.cases(), s.support(), s.coverage(),
                    s.density(), s.move(), s.step() == chosen ? "   <- chosen" : "");
        }
        PeelStep box = trajectory.get(chosen);
        o.printf(Locale.ROOT, "chosen box (step %d: coverage %.3f, density %.3f, support %.3f; rule: the largest box "
                + "with density >= %s, else the densest)%n", box.step(), box.coverage(), box.density(), box.support(),
                minDensity);
        boolean any = false;
        for (int j = 0; j < data.factors(); j++) {
            if (box.box().restricts(j, whole.box())) {
                o.printf(Locale.ROOT, "  %s in %s%n", data.names().get(j), box.box().describe(j));
                any = true;
            }
        }
        if (!any) {
            o.println("  (no restriction: every case)");
        }
    }
}
