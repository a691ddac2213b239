package org.qicsim.experiment.calibrate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a calibration has done, kept in {@code state/} of its results folder so that an
 * interrupted calibration resumes where it stopped: one file per completed generation
 * ({@code generation-<t>.csv}, its particles in unit coordinates at full precision, with its
 * diagnostics in {@code generation-<t>.meta}), and the distances of the evaluated batches of the
 * generation in progress ({@code evaluations-<t>.csv}, appended one whole batch at a time).
 * Proposals themselves are not stored: they follow from the seed and the previous generation, so
 * a resumed calibration regenerates them exactly, and uses the stored distances instead of
 * running the batches again.
 */
public final class CalibrationState {
    private final Path dir;

    public CalibrationState(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The completed generations, in order. */
    List<AbcSmc.Generation> completed(int dimensions) throws IOException {
        List<AbcSmc.Generation> out = new ArrayList<>();
        for (int t = 0; Files.isRegularFile(dir.resolve("generation-" + t + ".csv")); t++) {
            out.add(readGeneration(t, dimensions));
        }
        return out;
    }

    private AbcSmc.Generation readGeneration(int t, int dimensions) throws IOException {
        TreeMap<String, String> meta = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("generation-" + t + ".meta"), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                meta.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        List<AbcSmc.Particle> particles = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("generation-" + t + ".csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double[] u = new double[dimensions];
            for (int k = 0; k < dimensions; k++) {
                u[k] = Double.parseDouble(cells[3 + k]);
            }
            particles.add(new AbcSmc.Particle(u, Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
        }
        return new AbcSmc.Generation(t, Double.parseDouble(meta.get("epsilon")), particles,
                Long.parseLong(meta.get("evaluations")), Long.parseLong(meta.get("considered")),
                Double.parseDouble(meta.get("acceptanceRate")), Double.parseDouble(meta.get("ess")),
                Long.parseLong(meta.get("runs")));
    }

    /** Saves a completed generation: its diagnostics first, then its particles (whose file marks it complete). */
    void saveGeneration(AbcSmc.Generation g) throws IOException {
        String meta = String.format(Locale.ROOT, "epsilon=%s%nevaluations=%d%nconsidered=%d%nacceptanceRate=%s%n"
                + "ess=%s%nruns=%d%n", Double.toString(g.epsilon()), g.evaluations(), g.considered(),
                Double.toString(g.acceptanceRate()), Double.toString(g.ess()), g.runs());
        writeAtomically(dir.resolve("generation-" + g.index() + ".meta"), meta.replace(System.lineSeparator(), "\n"));
        StringBuilder csv = new StringBuilder("particle,weight,distance");
        int d = g.particles().isEmpty() ? 0 : g.particles().get(0).u().length;
        for (int k = 0; k < d; k++) {
            csv.append(",u").append(k);
        }
        csv.append('\n');
        for (int i = 0; i < g.particles().size(); i++) {
            AbcSmc.Particle p = g.particles().get(i);
            csv.append(i).append(',').append(Double.toString(p.weight())).append(',').append(Double.toString(p.distance()));
            for (double u : p.u()) {
                csv.append(',').append(Double.toString(u));
            }
            csv.append('\n');
        }
        writeAtomically(dir.resolve("generation-" + g.index() + ".csv"), csv.toString());
    }

    /** The distances of every complete batch stored for generation {@code t}, by batch number. */
    TreeMap<Integer, double[]> batches(int t, int batchSize) throws IOException {
        TreeMap<Integer, double[]> out = new TreeMap<>();
        Path file = dir.resolve("evaluations-" + t + ".csv");
        if (!Files.isRegularFile(file)) {
            return out;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // A line without its newline was cut by an interruption: ignore it (and so its batch).
        int end = text.lastIndexOf('\n');
        if (end + 1 < text.getBytes(StandardCharsets.UTF_8).length) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length);
            }
        }
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells.length != 3 || cells[0].equals("batch")) {
                continue;
            }
            int batch = Integer.parseInt(cells[0]);
            int proposal = Integer.parseInt(cells[1]);
            double[] distances = out.computeIfAbsent(batch, b -> new double[batchSize]);
            distances[proposal - batch * batchSize] = Double.parseDouble(cells[2]);
            counts.merge(batch, 1, Integer::sum);
        }
        counts.forEach((batch, n) -> {
            if (n != batchSize) {
                out.remove(batch);
            }
        });
        return out;
    }

    /** Appends one evaluated batch of generation {@code t} in one write. */
    void saveBatch(int t, int batch, int batchSize, double[] distances) throws IOException {
        Path file = dir.resolve("evaluations-" + t + ".csv");
        StringBuilder rows = new StringBuilder();
        if (!Files.exists(file)) {
            rows.append("batch,proposal,distance\n");
        }
        for (int i = 0; i < distances.length; i++) {
            rows.append(batch).append(',').append(batch * batchSize + i).append(',')
                    .append(Double.toString(distances[i])).append('\n');
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(rows.toString());
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
