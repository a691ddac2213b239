package org.qicsim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.qicsim.cli.GlobalOptions;
import org.qicsim.cli.WorkshopAttributionExport;
import org.qicsim.cli.WorkshopCompareExport;
import org.qicsim.experiment.LocalPool;
import org.qicsim.web.Workshop;
import org.qicsim.web.WorkshopServer;

/**
 * Load on the workshop server (not a JMH benchmark: one round whose latencies are the result).
 * A facilitator opens a room on the in-process server (as {@code qicsim serve} starts it) from a
 * small uploaded world; N simulated participants ({@code java.net.http}, not browsers, default 30)
 * join at once, each fetches the levers, prices two designs, submits one and polls the room every
 * 500 ms like the page does until the round is finished; the facilitator ends the round when every
 * design has been submitted and polls for the debrief; then every participant downloads the zip.
 * Every request's latency is recorded. Reports the number of requests, the errors (any status
 * other than the expected one), and the latency percentiles; exits 1 if there was any error.
 *
 * <pre>
 *   mvn -B -ntp -Pbench -DskipTests package
 *   java -cp target/qicsim.jar org.qicsim.bench.WorkshopLoad [participants [replicates [threads]]]
 * </pre>
 */
public final class WorkshopLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORLD = "name: load\nextends: michigan-cqi.yaml\nhorizonMonths: 24\nsites: {count: 8}\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> byKind = new java.util.concurrent.ConcurrentSkipListMap<>();

    private WorkshopLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int replicates = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        try (LocalPool pool = new LocalPool(threads);
                Workshop workshop = new Workshop(pool, new WorkshopCompareExport(new GlobalOptions()),
                        new WorkshopAttributionExport(),
                        Workshop.Settings.defaults(threads));
                WorkshopServer server = WorkshopServer.start(workshop, "127.0.0.1", 0)) {
            WorkshopLoad load = new WorkshopLoad("http://127.0.0.1:" + server.address().getPort());
            long start = System.nanoTime();
            load.round(participants, replicates);
            double seconds = (System.nanoTime() - start) / 1e9;
            load.report(participants, replicates, threads, seconds);
            if (!load.errors.isEmpty()) {
                System.exit(1);
            }
        }
    }

    private void round(int participants, int replicates) throws Exception {
        JsonNode room = call("POST", "/api/rooms", Map.of("upload", WORLD), null, 201);
        String code = room.get("room").asText();
        String facilitator = room.get("token").asText();
        JsonNode state = call("GET", "/api/rooms/" + code + "/state", null, facilitator, 200);
        double budget = state.get("defaultBudget").asDouble() * 1.2;
        call("POST", "/api/rooms/" + code + "/round",
                Map.of("action", "start", "replicates", replicates, "budget", budget, "minutes", 30), facilitator, 200);
        CountDownLatch submitted = new CountDownLatch(participants);
        AtomicInteger finished = new AtomicInteger();
        ExecutorService people = Executors.newFixedThreadPool(participants);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            int k = i;
            all.add(people.submit(() -> {
                participant(code, k, submitted);
                finished.incrementAndGet();
                return null;
            }));
        }
        submitted.await();
        call("POST", "/api/rooms/" + code + "/round", Map.of("action", "end"), facilitator, 200);
        while (!call("GET", "/api/rooms/" + code + "/state", null, facilitator, 200).path("round").path("phase")
                .asText().matches("finished|failed")) {
            Thread.sleep(500);
        }
        for (Future<?> f : all) {
            f.get();
        }
        people.shutdown();
        System.out.printf(Locale.ROOT, "participants finished: %d of %d%n", finished.get(), participants);
    }

    private void participant(String code, int k, CountDownLatch submitted) throws Exception {
        String token;
        try {
            token = call("POST", "/api/rooms/" + code + "/join", Map.of("name", "participant " + k), null, 201)
                    .get("token").asText();
            call("GET", "/api/rooms/" + code + "/levers", null, token, 200);
            int meetings = k % 7;
            call("POST", "/api/rooms/" + code + "/price",
                    Map.of("levers", Map.of("collaborative.community.meetingsPerYear", 12)), token, 200);
            call("POST", "/api/rooms/" + code + "/price",
                    Map.of("levers", Map.of("collaborative.community.meetingsPerYear", meetings)), token, 200);
            call("POST", "/api/rooms/" + code + "/designs",
                    Map.of("levers", Map.of("collaborative.community.meetingsPerYear", meetings)), token, 202);
        } finally {
            submitted.countDown();
        }
        String phase;
        do {
            Thread.sleep(500);
            phase = call("GET", "/api/rooms/" + code + "/state", null, token, 200).path("round").path("phase").asText();
        } while (!phase.equals("finished") && !phase.equals("failed"));
        if (phase.equals("failed")) {
            errors.add("round failed to finish");
        }
        long t0 = System.nanoTime();
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(base + "/api/rooms/" + code + "/results.zip"))
                .header("X-Qicsim-Token", token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        latencies.add(System.nanoTime() - t0);
        if (zip.statusCode() != 200) {
            errors.add("results.zip: " + zip.statusCode());
        }
    }

    private JsonNode call(String method, String path, Object body, String token, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            b.header("X-Qicsim-Token", token);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - t0;
        latencies.add(elapsed);
        String kind = method + " " + path.replaceAll("/api/rooms/[A-Z0-9]{8}/", "/api/rooms/{room}/");
        byKind.computeIfAbsent(kind, x -> new ConcurrentLinkedQueue<>()).add(elapsed);
        if (r.statusCode() != expected) {
            errors.add(method + " " + path + ": " + r.statusCode() + " " + r.body());
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private void report(int participants, int replicates, int threads, double seconds) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "workshop load: %d participants, %d replicates each, %d threads, round %.1f s%n",
                participants, replicates, threads, seconds);
        System.out.printf(Locale.ROOT, "requests: %d, errors: %d%n", sorted.size(), errors.size());
        for (String e : errors) {
            System.out.println("  error: " + e);
        }
        System.out.printf(Locale.ROOT, "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", pct(sorted, 0.50),
                pct(sorted, 0.95), pct(sorted, 0.99), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : byKind.entrySet()) {
            List<Long> kind = new ArrayList<>(e.getValue());
            Collections.sort(kind);
            System.out.printf(Locale.ROOT, "  %-40s n %4d  p50 %7.1f  p95 %7.1f ms%n", e.getKey(), kind.size(),
                    pct(kind, 0.50), pct(kind, 0.95));
        }
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
