package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.cli.Main;
import org.qicsim.experiment.Attribution;

/**
 * The debrief of a design round through the HTTP API: the cost-effectiveness of every design played
 * against no collaborative, the five-feature attribution of the best design (automatically) and of
 * a design the facilitator chooses, and the results zip read by {@code qicsim report} and
 * {@code qicsim query}, its attribution reproduced by {@code qicsim attribute}.
 *
 * <p>Machinery checks, each exact (no statistical criterion is involved):
 * <ul>
 *   <li>a planted effect: Bea's design already has positive deviance switched off (the features
 *       file's settings), so in her attribution switching it off changes nothing; under common
 *       random numbers the two halves of the factorial are the same runs, and the feature's Shapley
 *       value, main effect and their bootstrap intervals are 0 for every metric;</li>
 *   <li>the Shapley values of every metric sum to the total (all on − all off) within 1e-9 of its
 *       scale, and the shares to 1;</li>
 *   <li>the all-on design's runs are the participant's runs: its mean events averted equals the
 *       debrief table's value for the design.</li>
 * </ul>
 */
class WorkshopDebriefTest {
    static WorkshopFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = new WorkshopFixture();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    @Test
    void theDebriefAttributesAndCostsThePlayedDesignsAndItsZipIsReadByReportAndQuery(@TempDir Path tmp)
            throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String code = room[0];
        String facilitator = room[1];
        String ann = c.join(code, "Ann");
        String bea = c.join(code, "Bea");
        assertThat(c.startRound(code, facilitator, 2, 1e9, 10).status()).isEqualTo(200);

        // Before the round has finished there is nothing to attribute.
        assertThat(c.post("/api/rooms/" + code + "/debrief", Map.of("design", 2), facilitator).status())
                .isEqualTo(409);
        assertThat(c.submit(code, ann, Map.of()).status()).isEqualTo(202);
        Map<String, Object> planted = new LinkedHashMap<>();
        planted.put("collaborative.positiveDeviance.enabled", false);
        planted.put("collaborative.positiveDeviance.showcase", false);
        assertThat(c.submit(code, bea, planted).status()).isEqualTo(202);
        assertThat(c.endRound(code, facilitator).status()).isEqualTo(200);
        JsonNode done = c.awaitFinished(code, facilitator, 120);
        assertThat(done.path("round").path("phase").asText()).isEqualTo("finished");

        // Cost-effectiveness of each design played against no collaborative.
        JsonNode debrief = done.get("debrief");
        assertThat(debrief.get("perspective").asText()).isEqualTo("societal");
        assertThat(debrief.get("wtp").asDouble()).isEqualTo(19_626.0);
        assertThat(debrief.get("rows")).hasSize(2);
        for (JsonNode row : debrief.get("rows")) {
            assertThat(row.get("incrementalCost").get("mean").isNumber()).isTrue();
            assertThat(row.get("eventsAvertedDiscounted").get("mean").isNumber()).isTrue();
            assertThat(row.get("nmb").get("mean").asDouble()).isCloseTo(19_626.0
                    * row.get("eventsAvertedDiscounted").get("mean").asDouble()
                    - row.get("incrementalCost").get("mean").asDouble(), within(1e-6 * 19_626.0
                    * Math.max(1, Math.abs(row.get("eventsAvertedDiscounted").get("mean").asDouble()))));
            assertThat(row.get("ceac").size()).isEqualTo(row.get("ceacWtp").size()).isGreaterThan(2);
            assertThat(row.get("quadrant").isTextual()).isTrue();
        }
        int best = debrief.get("rows").get(0).get("best").asBoolean() ? 2 : 3;
        int other = 5 - best;

        // The best design is attributed without asking; then the facilitator asks for the other.
        JsonNode first = awaitAttribution(c, code, facilitator, best);
        // A participant may not ask for an attribution; a design that was not played is 404; junk is 400.
        assertThat(c.post("/api/rooms/" + code + "/debrief", Map.of("design", other), bea).status()).isEqualTo(403);
        assertThat(c.post("/api/rooms/" + code + "/debrief", Map.of("design", 9), facilitator).status())
                .isEqualTo(404);
        assertThat(c.post("/api/rooms/" + code + "/debrief", Map.of("design", "../x"), facilitator).status())
                .isEqualTo(400);
        assertThat(c.post("/api/rooms/" + code + "/debrief", Map.of("design", other), facilitator).status())
                .isEqualTo(202);
        JsonNode second = awaitAttribution(c, code, facilitator, other);
        JsonNode beas = best == 3 ? first : second;
        JsonNode anns = best == 3 ? second : first;
        assertThat(beas.get("name").asText()).isEqualTo("Bea");

        for (JsonNode a : List.of(anns, beas)) {
            assertThat(a.get("runsDone").asInt()).isEqualTo(a.get("runsTotal").asInt()).isEqualTo(32 * 2);
            for (String metric : Attribution.METRICS) {
                JsonNode m = a.get("result").get("metrics").get(metric);
                double total = m.get("total").asDouble();
                double scale = Math.max(1e-12, Math.abs(m.get("allOn").get("mean").asDouble()));
                assertThat(m.get("shapleySum").asDouble()).as(metric).isCloseTo(total, within(1e-9 * scale));
                if (total != 0) {
                    double shares = 0;
                    for (JsonNode f : m.get("features")) {
                        shares += f.get("share").asDouble();
                    }
                    assertThat(shares).as(metric).isCloseTo(1.0, within(1e-9));
                }
            }
        }
        // The planted effect: positive deviance, already off in Bea's design, gets exactly nothing.
        for (String metric : Attribution.METRICS) {
            JsonNode pd = beas.get("result").get("metrics").get(metric).get("features").get(0);
            assertThat(pd.get("id").asText()).isEqualTo("positiveDeviance");
            for (String q : List.of("shapley", "main")) {
                for (String field : List.of("mean", "ciLow", "ciHigh")) {
                    assertThat(pd.get(q).get(field).asDouble()).as(metric + " " + q + " " + field).isZero();
                }
            }
        }
        // Ann's design keeps positive deviance; in this world it averts events (a sanity check that the
        // zero above is not how every feature comes out).
        boolean anyNonZero = false;
        for (JsonNode f : anns.get("result").get("metrics").get("eventsAverted").get("features")) {
            anyNonZero |= f.get("shapley").get("mean").asDouble() != 0;
        }
        assertThat(anyNonZero).isTrue();
        // The all-on design is the participant's design, run by run.
        for (JsonNode row : c.state(code, facilitator).get("debrief").get("rows")) {
            JsonNode a = row.get("design").asInt() == anns.get("design").asInt() ? anns : beas;
            assertThat(a.get("result").get("metrics").get("eventsAverted").get("allOn").get("mean").asDouble())
                    .isCloseTo(row.get("eventsAverted").get("mean").asDouble(), within(1e-9));
        }

        // The results zip: the round's compare folder with cea.csv, and one attribute folder per attribution.
        Path unzipped = WorkshopRoundTest.unzip(c.bytes("/api/rooms/" + code + "/results.zip", ann), tmp.resolve("zip"));
        Path folder;
        try (var list = Files.list(unzipped)) {
            folder = list.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("cea.csv")).exists();
        assertThat(folder.resolve("ceac.csv")).exists();
        // The page's cost-effectiveness rows are the folder's cea.csv rows against no collaborative.
        List<String> lines = Files.readAllLines(folder.resolve("cea.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (JsonNode row : debrief.get("rows")) {
            String[] cells = lines.stream().filter(l -> l.startsWith(row.get("label").asText() + ",noCollaborative,"))
                    .findFirst().orElseThrow().split(",", -1);
            assertThat(Double.parseDouble(cells[header.indexOf("incrementalCost")]))
                    .isCloseTo(row.get("incrementalCost").get("mean").asDouble(), within(1e-6));
            assertThat(Double.parseDouble(cells[header.indexOf("eventsAverted")]))
                    .isCloseTo(row.get("eventsAvertedDiscounted").get("mean").asDouble(), within(1e-9));
            assertThat(Double.parseDouble(cells[header.indexOf("nmb")]))
                    .isCloseTo(row.get("nmb").get("mean").asDouble(), within(1e-6));
            assertThat(cells[header.indexOf("quadrant")]).isEqualTo(row.get("quadrant").asText());
        }
        Path beaFolder = folder.resolve(beas.get("folder").asText());
        Path annFolder = folder.resolve(anns.get("folder").asText());
        for (Path f : List.of(folder, annFolder, beaFolder)) {
            assertThat(cli("report", f.toString())).as("report " + f).isZero();
            assertThat(f.resolve("report.html")).exists();
        }
        assertThat(Files.readString(beaFolder.resolve("report.html"))).contains("Shapley");
        for (String name : List.of("attribution.csv", "designs.csv", "cea.csv", "ceac.csv", "runs.csv", "summary.json",
                "manifest.json", "scenario.resolved.yaml", "features.yaml", "design.csv", "points.csv")) {
            assertThat(beaFolder.resolve(name)).as(name).exists();
        }
        StringWriter out = new StringWriter();
        assertThat(cli(out, "query", beaFolder.toString(),
                "SELECT count(*) AS n FROM runs JOIN design USING (point)")).isZero();
        assertThat(out.toString()).contains("64");
        out = new StringWriter();
        assertThat(cli(out, "query", folder.toString(), "SELECT count(*) AS n FROM runs")).isZero();
        assertThat(out.toString()).contains("6");

        // qicsim attribute on the attribution's own scenario and features file gives the same tables.
        Path again = tmp.resolve("attribute-again");
        assertThat(cli("attribute", beaFolder.resolve("scenario.resolved.yaml").toString(), "--features",
                beaFolder.resolve("features.yaml").toString(), "--threads", "1", "--no-report", "--out",
                again.toString())).isZero();
        for (String name : List.of("attribution.csv", "designs.csv", "cea.csv", "ceac.csv", "runs.csv", "points.csv")) {
            assertThat(Files.readString(again.resolve(name))).as(name)
                    .isEqualTo(Files.readString(beaFolder.resolve(name)));
        }
    }

    /**
     * An attribution that fails on the server (here its writer throws, with a server path in the
     * message) shows a generic failure with a reference id, never the exception; the results zip and
     * the cost-effectiveness stay available, and the room goes on.
     */
    @Test
    void aFailedAttributionShowsAReferenceNotATrace() throws Exception {
        AttributionExport broken = (folder, plan, executor, progress, stop, perspective, wtp, source, resamples) -> {
            throw new IllegalStateException("boom in " + folder);
        };
        try (WorkshopFixture own = new WorkshopFixture(Workshop.Settings.defaults(2), null, broken)) {
            ApiClient c = own.client();
            String[] room = c.openRoom(WorkshopFixture.TINY);
            String eve = c.join(room[0], "Eve");
            assertThat(c.startRound(room[0], room[1], 1, 1e9, 10).status()).isEqualTo(200);
            assertThat(c.submit(room[0], eve, Map.of()).status()).isEqualTo(202);
            assertThat(c.endRound(room[0], room[1]).status()).isEqualTo(200);
            c.awaitFinished(room[0], room[1], 120);
            JsonNode failed = null;
            long end = System.nanoTime() + 60_000_000_000L;
            while (failed == null && System.nanoTime() < end) {
                for (JsonNode a : c.state(room[0], eve).get("debrief").get("attributions")) {
                    if (a.get("status").asText().equals("failed")) {
                        failed = a;
                    }
                }
                Thread.sleep(100);
            }
            assertThat(failed).as("a failed attribution").isNotNull();
            assertThat(failed.get("failure").asText())
                    .matches("the attribution failed on the server \\(reference [0-9a-f]{8}\\)");
            String page = c.get("/api/rooms/" + room[0] + "/state", eve).body();
            assertThat(page).doesNotContain("boom").doesNotContain("Exception").doesNotContain("/tmp");
            assertThat(c.bytes("/api/rooms/" + room[0] + "/results.zip", eve)).isNotEmpty();
            // Asking again is allowed after a failure (and fails the same way here).
            assertThat(c.post("/api/rooms/" + room[0] + "/debrief", Map.of("design", 2), room[1]).status())
                    .isEqualTo(202);
        }
    }

    /**
     * While an attribution runs (here held inside its writer until the test lets it go) the room's
     * pages answer, the facilitator sees it running, and the next round can start and take designs:
     * nothing a page or a participant does waits for the debrief.
     */
    @Test
    void aRunningAttributionBlocksNoPage() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AttributionExport real = new org.qicsim.cli.WorkshopAttributionExport();
        AttributionExport held = (folder, plan, executor, progress, stop, perspective, wtp, source, resamples) -> {
            entered.countDown();
            release.await();
            return real.write(folder, plan, executor, progress, stop, perspective, wtp, source, resamples);
        };
        try (WorkshopFixture own = new WorkshopFixture(Workshop.Settings.defaults(2), null, held)) {
            ApiClient c = own.client();
            String[] room = c.openRoom(WorkshopFixture.TINY);
            String eve = c.join(room[0], "Eve");
            assertThat(c.startRound(room[0], room[1], 1, 1e9, 10).status()).isEqualTo(200);
            assertThat(c.submit(room[0], eve, Map.of()).status()).isEqualTo(202);
            assertThat(c.endRound(room[0], room[1]).status()).isEqualTo(200);
            c.awaitFinished(room[0], room[1], 120);
            try {
                assertThat(entered.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                JsonNode a = c.state(room[0], room[1]).get("debrief").get("attributions").get(0);
                assertThat(a.get("status").asText()).isEqualTo("running");
                assertThat(a.get("runsTotal").asInt()).isEqualTo(32);
                // Asking again for the design being attributed changes nothing.
                assertThat(c.post("/api/rooms/" + room[0] + "/debrief", Map.of("design", 2), room[1]).status())
                        .isEqualTo(202);
                for (int i = 0; i < 20; i++) {
                    assertThat(c.get("/api/rooms/" + room[0] + "/state", eve).status()).isEqualTo(200);
                }
                assertThat(c.get("/api/rooms/" + room[0] + "/levers", eve).status()).isEqualTo(200);
                assertThat(c.bytes("/api/rooms/" + room[0] + "/results.zip", eve)).isNotEmpty();
                assertThat(c.startRound(room[0], room[1], 1, 1e9, 10).status()).isEqualTo(200);
                assertThat(c.submit(room[0], eve, Map.of()).status()).isEqualTo(202);
                assertThat(c.state(room[0], eve).path("round").path("number").asInt()).isEqualTo(2);
            } finally {
                release.countDown();
            }
        }
    }

    /** Polls the room until the attribution of {@code design} is done, and returns it. */
    static JsonNode awaitAttribution(ApiClient c, String room, String token, int design) throws Exception {
        long end = System.nanoTime() + 180_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < end) {
            for (JsonNode a : c.state(room, token).get("debrief").get("attributions")) {
                if (a.get("design").asInt() == design) {
                    last = a;
                    String status = a.get("status").asText();
                    if (status.equals("done")) {
                        return a;
                    }
                    assertThat(status).as(String.valueOf(a.get("failure"))).isNotEqualTo("failed");
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("attribution of design " + design + " did not finish: " + last);
    }

    private static int cli(String... args) {
        return cli(new StringWriter(), args);
    }

    /** Runs the command line in this JVM, printing its stderr on failure (also used by {@link SiteModeTest}). */
    static int cli(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        if (exit != 0) {
            System.err.println(String.join(" ", args) + ": " + err);
        }
        return exit;
    }
}
