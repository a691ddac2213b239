package org.qicsim.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a results folder, written as {@code manifest.json}: enough to say which build, on
 * which machine, with which command and seeds produced the data. Field order in the file is the
 * component order below, then {@link #extra} in insertion order (used by {@code compare} and
 * {@code sweep} for their own fields). Times are UTC, ISO-8601, millisecond precision. A value not
 * known yet ({@code endUtc} before the run ends) is JSON {@code null}.
 *
 * @param toolVersion   qicsim version (build properties)
 * @param commit        git commit of the build, or {@code unknown}
 * @param dirty         {@code true}/{@code false}: uncommitted changes at build time, or {@code unknown}
 * @param buildTime     build time, or {@code unknown}
 * @param javaVersion   {@code java.version} and vendor
 * @param os            {@code os.name os.version (os.arch)}
 * @param host          host name, or {@code unknown}
 * @param commandLine   the arguments as typed, after the program name
 * @param startUtc      when the command started
 * @param endUtc        when it finished, {@code null} while running
 * @param scenarioHash  SHA-256 (hex) of the resolved scenario
 * @param masterSeed    the scenario's master seed
 * @param seedScheme    name of the seed scheme, e.g. {@code splitmix64-v1}
 * @param engine        the simulation engine and executor, e.g. {@code mason-18/local}
 * @param threads       worker threads used
 * @param extra         further fields, written after the ones above
 */
public record Manifest(
        String toolVersion,
        String commit,
        String dirty,
        String buildTime,
        String javaVersion,
        String os,
        String host,
        List<String> commandLine,
        Instant startUtc,
        Instant endUtc,
        String scenarioHash,
        long masterSeed,
        String seedScheme,
        String engine,
        int threads,
        Map<String, Object> extra) {

    /** JSON names of the components, in file order; {@link #extra} may not reuse them. */
    static final List<String> FIELDS = List.of("toolVersion", "commit", "dirty", "buildTime", "javaVersion", "os",
            "host", "commandLine", "startUtc", "endUtc", "scenarioHash", "masterSeed", "seedScheme", "engine",
            "threads");

    public Manifest {
        commandLine = List.copyOf(commandLine);
        startUtc = startUtc == null ? null : startUtc.truncatedTo(ChronoUnit.MILLIS);
        endUtc = endUtc == null ? null : endUtc.truncatedTo(ChronoUnit.MILLIS);
        for (String key : extra.keySet()) {
            if (FIELDS.contains(key)) {
                throw new IllegalArgumentException("extra field \"" + key + "\" would hide a manifest field");
            }
        }
        // Unmodifiable but order-preserving (Map.copyOf would lose the insertion order).
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * A manifest for a command starting now on this machine: build and environment filled in, run
     * fields to be set with the {@code with…} methods.
     */
    public static Manifest start(BuildInfo build, List<String> commandLine, Instant startUtc) {
        return new Manifest(build.version(), build.commit(), build.dirty(), build.buildTime(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " (" + System.getProperty("os.arch") + ")",
                hostName(), commandLine, startUtc, null, null, 0, null, null, 0, Map.of());
    }

    public Manifest withScenario(String scenarioHash, long masterSeed, String seedScheme) {
        return new Manifest(toolVersion, commit, dirty, buildTime, javaVersion, os, host, commandLine, startUtc,
                endUtc, scenarioHash, masterSeed, seedScheme, engine, threads, extra);
    }

    public Manifest withExecution(String engine, int threads) {
        return new Manifest(toolVersion, commit, dirty, buildTime, javaVersion, os, host, commandLine, startUtc,
                endUtc, scenarioHash, masterSeed, seedScheme, engine, threads, extra);
    }

    public Manifest withEnd(Instant endUtc) {
        return new Manifest(toolVersion, commit, dirty, buildTime, javaVersion, os, host, commandLine, startUtc,
                endUtc, scenarioHash, masterSeed, seedScheme, engine, threads, extra);
    }

    /** Adds (or replaces) an extra field; values as in {@link SummaryJson#put}. */
    public Manifest withExtra(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new Manifest(toolVersion, commit, dirty, buildTime, javaVersion, os, host, commandLine, startUtc,
                endUtc, scenarioHash, masterSeed, seedScheme, engine, threads, more);
    }

    /** The manifest as JSON text (see {@link Json} for the conventions). */
    public String toJson() {
        return Json.toString(toNode());
    }

    /** Writes {@code manifest.json} (or any name) to a new file. */
    public void write(Path file) throws IOException {
        Json.write(toNode(), file);
    }

    /** Reads a manifest written by {@link #write}; unknown fields land in {@link #extra}. */
    public static Manifest read(Path file) throws IOException {
        JsonNode node = Json.read(file);
        if (!node.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        List<String> commandLine = new ArrayList<>();
        node.path("commandLine").forEach(arg -> commandLine.add(arg.asText()));
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue());
            }
        }
        try {
            return new Manifest(text(node, "toolVersion"), text(node, "commit"), text(node, "dirty"),
                    text(node, "buildTime"), text(node, "javaVersion"), text(node, "os"), text(node, "host"),
                    commandLine, instant(node, "startUtc"), instant(node, "endUtc"), text(node, "scenarioHash"),
                    node.path("masterSeed").asLong(), text(node, "seedScheme"), text(node, "engine"),
                    node.path("threads").asInt(), extra);
        } catch (DateTimeParseException e) {
            throw new IOException(file + ": bad time stamp: " + e.getMessage(), e);
        }
    }

    private ObjectNode toNode() {
        ObjectNode node = Json.object();
        node.put("toolVersion", toolVersion);
        node.put("commit", commit);
        node.put("dirty", dirty);
        node.put("buildTime", buildTime);
        node.put("javaVersion", javaVersion);
        node.put("os", os);
        node.put("host", host);
        node.set("commandLine", Json.valueOf(commandLine));
        node.put("startUtc", startUtc == null ? null : startUtc.toString());
        node.put("endUtc", endUtc == null ? null : endUtc.toString());
        node.put("scenarioHash", scenarioHash);
        node.put("masterSeed", masterSeed);
        node.put("seedScheme", seedScheme);
        node.put("engine", engine);
        node.put("threads", threads);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            node.set(e.getKey(), Json.valueOf(e.getValue()));
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    /**
     * The host name from the environment ({@code COMPUTERNAME} on Windows, {@code HOSTNAME} where
     * exported), else from the resolver, which can be slow on a misconfigured network.
     */
    static String hostName() {
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return BuildInfo.UNKNOWN;
        }
    }
}
