package org.qicsim.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.qicsim.experiment.CsvRunStore;
import org.qicsim.experiment.StoreTables;
import org.qicsim.experiment.StoredRuns;
import org.qicsim.results.Manifest;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.UserInputException;
import org.qicsim.results.duckdb.DuckDb;
import org.qicsim.results.duckdb.DuckDbUnavailableException;
import org.qicsim.results.duckdb.ResultsTables;

/**
 * Joins the folders of a sharded sweep ({@code sweep --shard i/N}) into one sweep folder, for
 * {@code qicsim merge}. {@link #inspect} refuses, naming what differs, unless the folders are the
 * N complete shards of one resolved experiment, run by one build with the same storage and the
 * same adaptive replication settings; {@link #checkRuns} that each shard holds exactly its own
 * runs; {@link #copyRows} copies the rows (Parquet parts renumbered shard after shard so that part
 * k of every table still holds the same runs; CSV bodies appended), after which the joined folder
 * is summarised like any finished sweep, from its rows in (point, replicate) order.
 */
public final class ShardMerge {
    private static final List<String> ROW_TABLES = List.of(StoreTables.RUNS, StoreTables.TIMESERIES, StoreTables.SITES);
    private static final List<String> SAME_FILES = List.of(ExperimentFile.RESOLVED, ExperimentYaml.SCENARIO,
            SweepFolder.DESIGN);

    /** One shard's folder and what its manifest says. */
    public record ShardFolder(Path dir, Manifest manifest, Shard shard, String storage) {
        /** The build that ran it: version, commit, and whether the working tree was dirty. */
        String build() {
            return manifest.toolVersion() + " (commit " + manifest.commit() + (manifest.dirty().equals("false") ? ""
                    : ", dirty " + manifest.dirty() + ", built " + manifest.buildTime()) + ")";
        }

        String text(String field) {
            Object v = manifest.extra().get(field);
            if (v instanceof JsonNode node) {
                return node.isValueNode() ? node.asText() : node.toString();
            }
            return v == null ? null : v.toString();
        }

        /** The manifest's {@code adaptive} settings ({@code targetCi}, {@code maxReplications}), or null. */
        String adaptiveSettings() {
            Object v = manifest.extra().get("adaptive");
            if (v instanceof JsonNode node && node.isObject()) {
                return node.path("targetCi").asText() + ", --max-reps " + node.path("maxReplications").asText();
            }
            return null;
        }

        @Override
        public String toString() {
            return dir + " (shard " + shard + ")";
        }
    }

    private ShardMerge() {
    }

    /**
     * Reads the folders' manifests and refuses (a {@link UserInputException} naming the folders and
     * what differs) unless they are every shard, once, of one resolved experiment and build.
     *
     * @return the shards in index order
     */
    public static List<ShardFolder> inspect(List<Path> dirs) throws IOException {
        if (dirs.isEmpty()) {
            throw new UserInputException("give the shard folders to merge");
        }
        List<ShardFolder> shards = new ArrayList<>();
        for (Path dir : dirs) {
            shards.add(read(dir));
        }
        ShardFolder first = shards.get(0);
        for (ShardFolder s : shards.subList(1, shards.size())) {
            same(first, s, "experiment (experimentHash)", first.text("experimentHash"), s.text("experimentHash"));
            same(first, s, "build", first.build(), s.build());
            same(first, s, "shard count", Integer.toString(first.shard().count()), Integer.toString(s.shard().count()));
            same(first, s, "storage", first.storage(), s.storage());
            same(first, s, "adaptive replication", Objects.toString(first.adaptiveSettings(), "off"),
                    Objects.toString(s.adaptiveSettings(), "off"));
            for (String file : SAME_FILES) {
                String a = Files.readString(first.dir().resolve(file), StandardCharsets.UTF_8);
                String b = Files.readString(s.dir().resolve(file), StandardCharsets.UTF_8);
                String changed = SweepFolder.difference(file, a, b, null);
                if (changed != null) {
                    throw new UserInputException("cannot merge " + first.dir() + " and " + s.dir() + ": their " + file
                            + " differ (" + changed + ")");
                }
            }
        }
        int count = first.shard().count();
        ShardFolder[] byIndex = new ShardFolder[count];
        for (ShardFolder s : shards) {
            ShardFolder other = byIndex[s.shard().index()];
            if (other != null) {
                throw new UserInputException("cannot merge: shard " + s.shard() + " is given twice (" + other.dir()
                        + " and " + s.dir() + ")");
            }
            byIndex[s.shard().index()] = s;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (byIndex[i] == null) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException("cannot merge: shard" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing; every one of the "
                    + count + " shards is needed");
        }
        return List.of(byIndex);
    }

    private static void same(ShardFolder a, ShardFolder b, String what, String x, String y) {
        if (!Objects.equals(x, y)) {
            throw new UserInputException("cannot merge " + a.dir() + " and " + b.dir() + ": their " + what
                    + " differs (" + x + " vs " + y + ")");
        }
    }

    private static ShardFolder read(Path dir) throws IOException {
        Path file = dir.resolve(SweepFolder.MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("no folder " + dir);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(dir + " is not a sweep folder: it has no " + SweepFolder.MANIFEST);
        }
        Manifest m = Manifest.read(file);
        if (!(m.extra().get("shard") instanceof JsonNode s) || !s.isObject()) {
            throw new UserInputException(dir + " is not a shard (its manifest has no shard entry): merge joins the "
                    + "folders of `qicsim sweep --shard i/N`");
        }
        Shard shard;
        try {
            shard = new Shard(s.path("index").asInt(-1), s.path("count").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(dir + ": its manifest's shard entry is not valid: " + e.getMessage(), e);
        }
        Object status = m.extra().get("status");
        String st = status instanceof JsonNode n ? n.asText() : String.valueOf(status);
        if (!st.equals("complete")) {
            throw new UserInputException("cannot merge " + dir + ": shard " + shard + " is " + st
                    + " (finish it with qicsim sweep --resume " + dir + ")");
        }
        for (String f : SAME_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new UserInputException(dir + " is not a sweep folder: it has no " + f);
            }
        }
        ShardFolder folder = new ShardFolder(dir, m, shard, null);
        return new ShardFolder(dir, m, shard, Objects.toString(folder.text("storage"), "parquet"));
    }

    /**
     * Checks that every shard holds only runs of its own (and, unless {@code wholeGroupPoints}, all
     * of them), none twice.
     *
     * @param wholeGroupPoints for adaptive replication: each shard's runs are all the stored
     *     replicates of its whole world groups; null otherwise
     * @return every stored run, as {@link SweepPlan#index} bits
     */
    public static BitSet checkRuns(List<ShardFolder> shards, SweepPlan plan, boolean wholeGroupPoints)
            throws IOException {
        BitSet all = new BitSet();
        for (ShardFolder s : shards) {
            BitSet held = storedRuns(s, plan);
            if (wholeGroupPoints) {
                BitSet points = s.shard().wholeGroupPoints(plan);
                for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
                    int point = i / plan.replications() + 1;
                    if (!points.get(point)) {
                        throw refuse(s, "holds run (point " + point + ", replicate " + i % plan.replications()
                                + "), which is not its own");
                    }
                }
            } else {
                BitSet own = s.shard().runs(plan);
                BitSet extra = (BitSet) held.clone();
                extra.andNot(own);
                BitSet lacking = (BitSet) own.clone();
                lacking.andNot(held);
                if (!extra.isEmpty()) {
                    throw refuse(s, "holds " + extra.cardinality() + " run" + (extra.cardinality() == 1 ? "" : "s")
                            + " that are not its own, first " + run(plan, extra.nextSetBit(0)));
                }
                if (!lacking.isEmpty()) {
                    throw refuse(s, "lacks " + lacking.cardinality() + " of its " + own.cardinality() + " runs, first "
                            + run(plan, lacking.nextSetBit(0)));
                }
            }
            all.or(held);
        }
        return all;
    }

    private static String run(SweepPlan plan, int index) {
        return String.format(Locale.ROOT, "(point %d, replicate %d)", index / plan.replications() + 1,
                index % plan.replications());
    }

    private static UserInputException refuse(ShardFolder s, String what) {
        return new UserInputException("cannot merge: " + s + " " + what);
    }

    /** The (point, replicate) keys in a shard's runs table, read without touching the folder. */
    private static BitSet storedRuns(ShardFolder s, SweepPlan plan) throws IOException {
        BitSet stored = new BitSet();
        try {
            if (s.storage().equals("csv")) {
                Path runs = s.dir().resolve(CsvRunStore.RUNS_CSV);
                try (BufferedReader in = Files.newBufferedReader(runs, StandardCharsets.UTF_8)) {
                    in.readLine();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String[] cells = line.split(",", 3);
                        StoredRuns.add(stored, plan.runIndex(), Integer.parseInt(cells[0]), Integer.parseInt(cells[1]));
                    }
                }
                return stored;
            }
            try (DuckDb db = DuckDb.openWithTemporarySpill()) {
                if (!ResultsTables.register(db, s.dir()).contains(StoreTables.RUNS)) {
                    return stored;
                }
                try (Statement st = db.connection().createStatement();
                        ResultSet rs = st.executeQuery("SELECT point, replicate FROM runs")) {
                    while (rs.next()) {
                        StoredRuns.add(stored, plan.runIndex(), rs.getInt(1), rs.getInt(2));
                    }
                }
            }
        } catch (DuckDbUnavailableException e) {
            throw new IOException("merging Parquet shards needs DuckDB: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            throw new IOException("cannot read the runs of " + s + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UserInputException("cannot merge: " + s + ": " + e.getMessage(), e);
        }
        return stored;
    }

    /** Copies every shard's rows into {@code folder} (a new sweep folder holding the experiment's files). */
    public static void copyRows(List<ShardFolder> shards, ResultsFolder folder) throws IOException {
        if (shards.get(0).storage().equals("csv")) {
            for (String table : ROW_TABLES) {
                appendCsv(shards, table, folder.resolve(table + ".csv"));
            }
            return;
        }
        long base = 0;
        for (ShardFolder s : shards) {
            long last = 0;
            for (String table : ROW_TABLES) {
                for (Path part : ResultsTables.parts(s.dir().resolve(table))) {
                    long n = number(part);
                    Path target = folder.resolve(table).resolve(String.format(Locale.ROOT, "part-%06d.parquet", base + n));
                    Files.createDirectories(target.getParent());
                    Files.copy(part, target);
                    last = Math.max(last, n);
                }
            }
            base += last;
        }
    }

    private static long number(Path part) {
        String name = part.getFileName().toString();
        return Long.parseLong(name.substring("part-".length(), name.length() - ".parquet".length()));
    }

    private static void appendCsv(List<ShardFolder> shards, String table, Path target) throws IOException {
        BufferedWriter out = null;
        try {
            for (ShardFolder s : shards) {
                Path file = s.dir().resolve(table + ".csv");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String header = in.readLine();
                    if (header == null) {
                        continue;
                    }
                    if (out == null) {
                        out = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                        out.write(header);
                        out.write('\n');
                    }
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        out.write(line);
                        out.write('\n');
                    }
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }
}
