package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and careless requests: each gets a clear 4xx with a message, nothing from a file other
 * than the upload reaches the response, and the room keeps running afterwards.
 */
class WorkshopSecurityTest {
    static WorkshopFixture fixture;
    static ApiClient c;
    static String room;
    static String facilitator;
    static String participant;

    @BeforeAll
    static void start() throws Exception {
        fixture = new WorkshopFixture();
        c = fixture.client();
        String[] r = c.openRoom(WorkshopFixture.TINY);
        room = r[0];
        facilitator = r[1];
        participant = c.join(room, "Dee");
        assertThat(c.startRound(room, facilitator, 2, 1e9, 30).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws IOException {
        // The room survived everything above.
        try {
            assertThat(c.state(room, participant).path("round").path("phase").asText()).isEqualTo("open");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fixture.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../pom.xml", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2fpom.xml",
        "/../../etc/passwd", "/org/qicsim/web/static/play.js", "/META-INF/MANIFEST.MF", "/static/chart.umd.js.map",
        "/static/", "/api/rooms/../../etc/passwd", "/static/app.css/"})
    void pathTraversalIsNotFound(String path) throws Exception {
        // Sent raw, so that no client normalises the dots away.
        String reply = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 404").doesNotContain("root:").doesNotContain("<project");
    }

    @Test
    void staticFilesAndSecurityHeaders() throws Exception {
        ApiClient.Reply page = c.get("/play", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick");
        assertThat(c.get("/static/chart.umd.js", null).body()).contains("Chart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../../../../etc/shadow", "../scenarios/michigan-cqi.yaml",
        "teaching/../../../etc/passwd", "file:///etc/passwd", "michigan-cqi.yaml/../../x"})
    void anUploadExtendsOnlyBundledScenarios(String parent) throws Exception {
        ApiClient.Reply r = c.post("/api/rooms", Map.of("upload", "name: evil\nextends: " + parent + "\n"), null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("may extend only a bundled scenario").contains("upload.yaml:2:10")
                .doesNotContain("root:").doesNotContain("/tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "base.yaml", "teaching", "MICHIGAN-CQI.YAML"})
    void aBundledScenarioIsChosenFromTheListOnly(String id) throws Exception {
        ApiClient.Reply r = c.post("/api/rooms", Map.of("scenario", id), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("unknown scenario; choose one of: michigan-cqi.yaml");
    }

    @Test
    void uploadProblemsAreLocatedInTheUploadAndNoParentLineIsEchoed() throws Exception {
        ApiClient.Reply r = c.post("/api/rooms", Map.of("upload",
                "name: bad\nextends: michigan-cqi.yaml\nsites:\n  count: 7000\n  baselinRate: 0.2\n"), null);
        assertThat(r.status()).isEqualTo(422);
        for (var p : r.json().get("problems")) {
            assertThat(p.get("file").asText()).isEqualTo(Catalogue.UPLOAD_NAME);
        }
        assertThat(r.body()).contains("upload.yaml:4:10").contains("baselinRate").contains("did you mean")
                .doesNotContain("Michigan-style").doesNotContain("/tmp").doesNotContain("qicsim-workshop");
        // Syntax errors too, located.
        ApiClient.Reply syntax = c.post("/api/rooms", Map.of("upload", "name: [unclosed\n"), null);
        assertThat(syntax.status()).isEqualTo(422);
        assertThat(syntax.body()).contains("upload.yaml:");
    }

    @Test
    void uploadsBeyondAWorkshopsSizeAreRefused() throws Exception {
        ApiClient.Reply big = c.post("/api/rooms", Map.of("upload", "name: x\n#" + "a".repeat(70_000) + "\n"), null);
        assertThat(big.status()).isEqualTo(413);
        ApiClient.Reply huge = c.post("/api/rooms", Map.of("upload",
                "name: x\nextends: michigan-cqi.yaml\nsites: {count: 1000}\nhorizonMonths: 600\n"), null);
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.body()).contains("too large for a workshop");
        ApiClient.Reply body = c.postRaw("/api/rooms/" + room + "/join", "{\"name\":\"" + "x".repeat(20_000) + "\"}",
                null, "application/json");
        assertThat(body.status()).isEqualTo(413);
    }

    @Test
    void outOfRangeAndMistypedLevers() throws Exception {
        ApiClient.Reply range = c.submit(room, participant, Map.of("collaborative.community.meetingsPerYear", 13,
                "collaborative.measurement.auditRate", -0.5));
        assertThat(range.status()).isEqualTo(422);
        assertThat(range.body()).contains("meetingsPerYear").contains("[0, 12]").contains("auditRate");
        ApiClient.Reply type = c.submit(room, participant, Map.of("collaborative.feedback.display", "../../etc"));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.body()).contains("funnel, funnel99, league");
        ApiClient.Reply unknown = c.submit(room, participant, Map.of("sites.count", 5));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("not a design lever");
        ApiClient.Reply world = c.submit(room, participant, Map.of("collaborative.enabled", false));
        assertThat(world.status()).isEqualTo(400);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("collaborative.feedback.everyMonths", null);
        assertThat(c.submit(room, participant, withNull).status()).isEqualTo(400);
        ApiClient.Reply over = c.post("/api/rooms/" + room + "/price",
                Map.of("levers", Map.of("collaborative.coordination.budgetPerSite", 1e15)), participant);
        assertThat(over.status()).isEqualTo(200);
        assertThat(over.json().get("withinBudget").asBoolean()).isFalse();
        ApiClient.Reply overSubmit = c.submit(room, participant, Map.of("collaborative.coordination.budgetPerSite", 1e15));
        assertThat(overSubmit.status()).isEqualTo(422);
        assertThat(overSubmit.body()).contains("over budget");
        ApiClient.Reply notJson = c.postRaw("/api/rooms/" + room + "/designs", "{levers:", participant, "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        ApiClient.Reply round = c.startRound(room, facilitator, 500, 1e6, 10);
        assertThat(round.status()).isIn(400, 409);
    }

    @Test
    void aRoundsRunsAreBoundedByTheWorldsSize() throws Exception {
        String[] big = c.openRoom("name: big\nextends: michigan-cqi.yaml\nsites: {count: 200}\nhorizonMonths: 120\n");
        ApiClient.Reply r = c.startRound(big[0], big[1], 3, 1e9, 10);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("at most 2 replicates");
        assertThat(c.startRound(big[0], big[1], 1, 0, 10).status()).isEqualTo(400);
        assertThat(c.startRound(big[0], big[1], 1, 1e6, 0).status()).isEqualTo(400);
        assertThat(c.post("/api/rooms/" + big[0] + "/round", Map.of("action", "start", "replicates", "2",
                "budget", 1e6, "minutes", 5), big[1]).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "AAAAAAAA", "SHORT", "ABCDEFGHJK", "..%2F..%2Fetc", "ABCD%00GH"})
    void badRoomCodesAreNotFound(String code) throws Exception {
        ApiClient.Reply r = c.get("/api/rooms/" + code + "/state", facilitator);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no room with that code");
        assertThat(c.post("/api/rooms/" + code + "/join", Map.of("name", "Eve"), null).status()).isEqualTo(404);
    }

    @Test
    void tokensGuardTheRoom() throws Exception {
        assertThat(c.get("/api/rooms/" + room + "/state", null).status()).isEqualTo(403);
        assertThat(c.get("/api/rooms/" + room + "/state", "forged-token").status()).isEqualTo(403);
        // A participant cannot run the round; the facilitator does not submit designs.
        assertThat(c.endRound(room, participant).status()).isEqualTo(403);
        assertThat(c.submit(room, facilitator, Map.of()).status()).isEqualTo(403);
        assertThat(c.post("/api/rooms/" + room + "/join", Map.of("name", "<script>"), null).status()).isEqualTo(400);
        assertThat(c.post("/api/rooms/" + room + "/join", Map.of("name", "Dee"), null).status()).isEqualTo(409);
    }

    @Test
    void postsMustBeSameOriginJson() throws Exception {
        ApiClient.Reply form = c.postRaw("/api/rooms/" + room + "/join", "name=Eve", null,
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
        ApiClient.Reply crossOrigin = c.send(HttpRequest.newBuilder(URI.create(fixture.base + "/api/rooms/" + room + "/join"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Eve\"}")).build());
        assertThat(crossOrigin.status()).isEqualTo(403);
        assertThat(c.get("/api/rooms", null).status()).isEqualTo(405);
    }

    @Test
    void aClientThatClosesMidRequestDoesNotHurtTheRoom() throws Exception {
        try (Socket s = new Socket("127.0.0.1", fixture.server.address().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/rooms/" + room + "/price HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\n" + WorkshopServer.TOKEN_HEADER + ": " + participant + "\r\n\r\n{\"lev")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        for (int i = 0; i < 3; i++) {
            try (Socket s = new Socket("127.0.0.1", fixture.server.address().getPort())) {
                s.getOutputStream().write(("GET /api/rooms/" + room + "/state HTTP/1.1\r\nHost: x\r\n"
                        + WorkshopServer.TOKEN_HEADER + ": " + participant + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                // closed before reading the answer, like a tab closed mid-poll
            }
        }
        assertThat(c.state(room, participant).get("you").asText()).isEqualTo("Dee");
    }

    @Test
    void tooManyRequestsGet429AndTheServerRecovers() throws Exception {
        try (WorkshopFixture strict = new WorkshopFixture(new Workshop.Settings(4, 1, 5, 2))) {
            ApiClient s = strict.client();
            int limited = 0;
            for (int i = 0; i < 20; i++) {
                ApiClient.Reply r = s.get("/api/scenarios", null);
                assertThat(r.status()).isIn(200, 429);
                if (r.status() == 429) {
                    limited++;
                    assertThat(r.json().get("error").asText()).contains("too many requests");
                }
            }
            assertThat(limited).isGreaterThan(0);
            Thread.sleep(1500);
            assertThat(s.get("/api/scenarios", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aFullRunQueueAnswers429() throws Exception {
        // Queue of 1 with one dispatcher: the reference occupies the dispatcher (held there by a gate,
        // whatever the machine's speed), one design waits, the next is refused.
        CountDownLatch gate = new CountDownLatch(1);
        try (WorkshopFixture small = new WorkshopFixture(new Workshop.Settings(1, 1, 100, 50), gate)) {
            ApiClient s = small.client();
            String[] r = s.openRoom(WorkshopFixture.TINY);
            int refused = 0;
            assertThat(s.startRound(r[0], r[1], 20, 1e9, 10).status()).isEqualTo(200);
            for (String name : new String[] {"A", "B", "C", "D"}) {
                String t = s.join(r[0], name);
                ApiClient.Reply reply = s.submit(r[0], t, Map.of());
                assertThat(reply.status()).isIn(202, 429);
                if (reply.status() == 429) {
                    refused++;
                    assertThat(reply.body()).contains("queue is full");
                }
            }
            assertThat(refused).isGreaterThan(0);
            assertThat(s.state(r[0], r[1]).path("round").path("phase").asText()).isEqualTo("open");
            gate.countDown();
        }
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", fixture.server.address().getPort())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
