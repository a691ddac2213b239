package org.qicsim.experiment.calibrate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What a history-matching calibration has run, kept in {@code state/} of its results folder so that
 * an interrupted calibration resumes where it stopped: the statistics' names, observed values and
 * scales ({@code statistics.csv}), and per wave the simulated statistics of every evaluated batch
 * ({@code wave-<w>.csv}, appended one whole batch at a time, full precision). Designs, emulators
 * and regions are not stored: they follow from the seed and the stored evaluations, so a resumed
 * calibration recomputes them exactly.
 */
public final class HistoryMatchingState {
    private final Path dir;

    /** The statistics of the calibration's targets, in order. */
    record Statistics(List<String> names, double[] observed, double[] scales, double[] shares) {
    }

    public HistoryMatchingState(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes the statistics once (they never change within a calibration). */
    void saveStatistics(List<String> names, double[] observed, double[] scales, double[] shares) throws IOException {
        Path file = dir.resolve("statistics.csv");
        if (Files.isRegularFile(file)) {
            return;
        }
        StringBuilder csv = new StringBuilder("statistic,observed,scale,stochasticShare\n");
        for (int k = 0; k < names.size(); k++) {
            // Names are target ids and statistic words (e.g. "C1 median"): no commas.
            csv.append(names.get(k).replace(',', ';')).append(',').append(Double.toString(observed[k])).append(',')
                    .append(Double.toString(scales[k])).append(',').append(Double.toString(shares[k])).append('\n');
        }
        Path tmp = file.resolveSibling("statistics.csv.tmp");
        Files.writeString(tmp, csv.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Statistics statistics() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("statistics.csv"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        double[] observed = new double[lines.size() - 1];
        double[] scales = new double[lines.size() - 1];
        double[] shares = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            names.add(cells[0]);
            observed[i - 1] = Double.parseDouble(cells[1]);
            scales[i - 1] = Double.parseDouble(cells[2]);
            // A state written before the share existed compared each statistic at one evaluation's size.
            shares[i - 1] = cells.length > 3 ? Double.parseDouble(cells[3]) : 1.0;
        }
        return new Statistics(names, observed, scales, shares);
    }

    /**
     * The stored values of every complete batch of wave {@code w}, by batch number, each as
     * [evaluation within the batch][statistic]. A batch cut short by an interruption is ignored.
     */
    TreeMap<Integer, double[][]> batches(int w, int batchSize, int total) throws IOException {
        TreeMap<Integer, double[][]> out = new TreeMap<>();
        Path file = dir.resolve("wave-" + w + ".csv");
        if (!Files.isRegularFile(file)) {
            return out;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        byte[] kept = text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8);
        if (kept.length < text.getBytes(StandardCharsets.UTF_8).length) {
            // A line without its newline was cut by an interruption: drop it (and so its batch).
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(kept.length);
            }
        }
        TreeMap<Integer, List<double[]>> rows = new TreeMap<>();
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells.length < 3 || cells[0].equals("batch")) {
                continue;
            }
            int batch = Integer.parseInt(cells[0]);
            double[] values = new double[cells.length - 2];
            for (int k = 0; k < values.length; k++) {
                values[k] = Double.parseDouble(cells[2 + k]);
            }
            rows.computeIfAbsent(batch, b -> new ArrayList<>()).add(values);
        }
        rows.forEach((batch, list) -> {
            int expected = Math.min(total, (batch + 1) * batchSize) - batch * batchSize;
            if (list.size() == expected) {
                out.put(batch, list.toArray(new double[0][]));
            }
        });
        return out;
    }

    /** Appends one evaluated batch of wave {@code w} in one write. */
    void saveBatch(int w, int batch, int firstEvaluation, double[][] values) throws IOException {
        Path file = dir.resolve("wave-" + w + ".csv");
        StringBuilder rows = new StringBuilder();
        if (!Files.exists(file)) {
            rows.append("batch,evaluation,values\n");
        }
        for (int i = 0; i < values.length; i++) {
            rows.append(batch).append(',').append(firstEvaluation + i);
            for (double v : values[i]) {
                rows.append(',').append(Double.toString(v));
            }
            rows.append('\n');
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            out.write(rows.toString());
        }
    }
}
