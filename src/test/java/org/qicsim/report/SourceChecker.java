package org.qicsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Reads the value a report's {@code data-source} names from the folder's own files, independently
 * of the report code (its own CSV cell lookup, its own t-interval and funnel arithmetic), so a test
 * can compare it with the number the page shows.
 */
final class SourceChecker {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FUNCTION = Pattern.compile("(-?)([a-zA-Z]+)\\((.*)\\)");

    private final Path folder;

    SourceChecker(Path folder) {
        this.folder = folder;
    }

    /** The value {@code source} names; NaN for a missing (null, empty or absent) one. */
    double value(String source) throws IOException {
        int hash = source.indexOf('#');
        String location = source.substring(0, hash);
        String selector = source.substring(hash + 1);
        int query = location.indexOf('?');
        String file = query < 0 ? location : location.substring(0, query);
        Path path = folder.resolve(file);
        if (file.endsWith(".json")) {
            JsonNode node = MAPPER.readTree(path.toFile()).at(selector);
            // An absent value is missing, like null: the page must then show n/a.
            return node.isNumber() ? node.asDouble() : Double.NaN;
        }
        List<List<String>> records = CsvTable.parse(Files.readString(path, StandardCharsets.UTF_8), file);
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>(records.subList(1, records.size()));
        if (query >= 0) {
            for (String pair : location.substring(query + 1).split("&")) {
                String key = pair.substring(0, pair.indexOf('='));
                String value = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
                if (key.equals("_row")) {
                    rows = List.of(rows.get(Integer.parseInt(value) - 1));
                } else {
                    int c = header.indexOf(key);
                    rows.removeIf(r -> !r.get(c).equals(value));
                }
            }
        }
        Matcher m = FUNCTION.matcher(selector);
        if (!m.matches()) {
            boolean negate = selector.startsWith("-");
            String column = negate ? selector.substring(1) : selector;
            if (rows.size() != 1) {
                throw new AssertionError(source + ": " + rows.size() + " rows match, expected one");
            }
            double v = number(rows.get(0).get(header.indexOf(column)));
            return negate ? -v : v;
        }
        String[] args = m.group(3).isEmpty() ? new String[0] : m.group(3).split(",");
        double v = switch (m.group(2)) {
            case "count" -> rows.size();
            case "mean", "ciLow", "ciHigh" -> meanInterval(column(rows, header, args[0]), m.group(2));
            case "wmean" -> weightedMean(column(rows, header, args[0]), column(rows, header, args[1]));
            case "funnel" -> funnel(column(rows, header, args[0]), column(rows, header, args[1]), args[2],
                    Double.parseDouble(args[3]));
            default -> throw new AssertionError(source + ": unknown function " + m.group(2));
        };
        return m.group(1).isEmpty() ? v : -v;
    }

    private static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    private static List<Double> column(List<List<String>> rows, List<String> header, String column) {
        int c = header.indexOf(column);
        List<Double> values = new ArrayList<>();
        rows.forEach(r -> values.add(number(r.get(c))));
        return values;
    }

    private static double meanInterval(List<Double> all, String which) {
        List<Double> v = all.stream().filter(x -> !x.isNaN()).toList();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double mean = v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
        if (which.equals("mean")) {
            return mean;
        }
        if (v.size() < 2) {
            return Double.NaN;
        }
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double half = new TDistribution(null, v.size() - 1).inverseCumulativeProbability(0.975)
                * Math.sqrt(ss / (v.size() - 1)) / Math.sqrt(v.size());
        return which.equals("ciLow") ? mean - half : mean + half;
    }

    private static double weightedMean(List<Double> rates, List<Double> weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < rates.size(); i++) {
            if (!rates.get(i).isNaN() && weights.get(i) > 0) {
                sum += rates.get(i) * weights.get(i);
                total += weights.get(i);
            }
        }
        return total > 0 ? sum / total : Double.NaN;
    }

    /** Sites beyond p ± z·√(p(1−p)/n), n = 12 × volume, with z the two-sided normal quantile of the level. */
    private static double funnel(List<Double> rates, List<Double> volumes, String side, double levelPercent) {
        double p = weightedMean(rates, volumes);
        double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(1 - (1 - levelPercent / 100) / 2);
        int count = 0;
        for (int i = 0; i < rates.size(); i++) {
            double r = rates.get(i);
            double n = 12 * volumes.get(i);
            if (Double.isNaN(r) || !(n > 0)) {
                continue;
            }
            double half = z * Math.sqrt(p * (1 - p) / n);
            if (side.equals("above") ? r > p + half : r < p - half) {
                count++;
            }
        }
        return count;
    }

    /**
     * The number a page's text shows: {@code n/a} is NaN; otherwise {@code $ , %} stripped, U+2212
     * read as minus, divided by 100 after {@code %}.
     */
    static double parseShown(String text) {
        String t = text.trim();
        if (t.equals("n/a")) {
            return Double.NaN;
        }
        boolean percent = t.endsWith("%");
        String digits = t.replace("−", "-").replace("$", "").replace(",", "").replace("%", "");
        double v = Double.parseDouble(digits);
        return percent ? v / 100 : v;
    }

    /** Half a unit of the last digit the text shows, in the value's unit. */
    static double halfUnit(String text) {
        String t = text.trim().replace("%", "");
        int dot = t.indexOf('.');
        int decimals = dot < 0 ? 0 : t.length() - dot - 1;
        double half = 0.5 * Math.pow(10, -decimals);
        return text.trim().endsWith("%") ? half / 100 : half;
    }
}
