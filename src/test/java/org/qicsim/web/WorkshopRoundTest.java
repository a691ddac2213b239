package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qicsim.cli.Main;

/**
 * A design round through the HTTP API: a facilitator opens a room from an upload, three
 * participants join and submit designs, the round ends, and the debrief and the results folder
 * appear. The folder is checked against {@code qicsim compare} of the same designs under the same
 * seed: the round's runs are the runs any other route to those designs gives (common random numbers).
 */
class WorkshopRoundTest {
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
    void threeParticipantsPlayADesignRound(@TempDir Path tmp) throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String code = room[0];
        String facilitator = room[1];
        assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
        List<String> tokens = new ArrayList<>();
        for (String name : List.of("Ann", "Bea", "Cai")) {
            tokens.add(c.join(code, name));
        }
        JsonNode before = c.state(code, facilitator);
        double budget = before.get("defaultBudget").asDouble();
        assertThat(c.startRound(code, facilitator, 3, budget * 1.5, 10).status()).isEqualTo(200);

        Map<String, Object> withNone = new java.util.HashMap<>();
        withNone.put("collaborative.community.meetingsPerYear", 6);
        withNone.put("collaborative.feedback.target", null);
        List<Map<String, Object>> designs = List.of(
                withNone,
                Map.of("collaborative.feedback.visibility", "blinded"),
                Map.of("collaborative.leadership.fundedChampions", false));
        // Concurrently, as a room would.
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int k = i;
                replies.add(threads.submit(() -> c.submit(code, tokens.get(k), designs.get(k))));
            }
            for (Future<ApiClient.Reply> r : replies) {
                assertThat(r.get().status()).as(r.get().toString()).isEqualTo(202);
            }
        } finally {
            threads.shutdown();
        }
        // A second design while the first still runs is refused, clearly.
        ApiClient.Reply again = c.submit(code, tokens.get(0), designs.get(0));
        assertThat(again.status()).isIn(202, 409);

        assertThat(c.endRound(code, facilitator).status()).isEqualTo(200);
        JsonNode done = c.awaitFinished(code, facilitator, 120);
        assertThat(done.path("round").path("phase").asText()).isEqualTo("finished");
        assertThat(done.get("league")).hasSize(3);
        for (JsonNode row : done.get("league")) {
            assertThat(row.get("status").asText()).isEqualTo("done");
            assertThat(row.get("trajectory")).hasSize(24);
        }
        assertThat(done.get("noCollaborative")).hasSize(24);
        JsonNode debrief = done.get("debrief");
        assertThat(debrief.get("kind").asText()).isEqualTo("decision-support");
        assertThat(debrief.get("rows")).hasSize(3);
        assertThat(debrief.get("paired").asBoolean()).isTrue();

        // A participant sees the same league, marked with their own row.
        JsonNode seen = c.state(code, tokens.get(1));
        assertThat(seen.get("you").asText()).isEqualTo("Bea");
        assertThat(seen.get("league")).anyMatch(r -> r.get("you").asBoolean() && r.get("name").asText().equals("Bea"));

        Path unzipped = unzip(c.bytes("/api/rooms/" + code + "/results.zip", tokens.get(2)), tmp.resolve("zip"));
        Path folder;
        try (var list = Files.list(unzipped)) {
            folder = list.findFirst().orElseThrow();
        }
        assertThat(folder.resolve("compare.csv")).exists();
        assertThat(folder.resolve("manifest.json")).exists();
        Path reference = folder.resolve("designs/1-no-collaborative");
        Path ann = folder.resolve("designs/2-p01");
        assertThat(reference.resolve("scenario.resolved.yaml")).exists();
        assertThat(folder.resolve("runs.csv")).exists();
        assertThat(folder.resolve("timeseries.csv")).exists();

        // The same two designs through `qicsim compare`, same seed and replicates: identical runs.
        Path out = tmp.resolve("compare");
        StringWriter err = new StringWriter();
        int exit = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute("compare",
                reference.resolve("scenario.resolved.yaml").toString(), ann.resolve("scenario.resolved.yaml").toString(),
                "--reps", "3", "--threads", "1", "--out", out.toString(), "--quiet",
                // The workshop runs the scenarios' own values, not compare's default posterior.
                "--parameters", "none");
        assertThat(exit).as(err.toString()).isZero();
        // Its rows of designs 1 and 2 (points 1 and 2 of the round's tables), in the same order.
        for (String table : List.of("runs.csv", "timeseries.csv")) {
            assertThat(Files.readAllLines(out.resolve(table))).as(table).isEqualTo(Files.readAllLines(folder.resolve(table))
                    .stream().filter(l -> !l.startsWith("3,") && !l.startsWith("4,")).toList());
        }
        // And `qicsim query` reads the workshop's folder.
        StringWriter queryOut = new StringWriter();
        int q = Main.newCommandLine(new PrintWriter(queryOut), new PrintWriter(new StringWriter())).execute("query",
                folder.toString(), "SELECT count(*) AS n FROM runs");
        assertThat(q).isZero();
        assertThat(queryOut.toString()).contains("12");
    }

    /**
     * A failure on the server (here the round's zip has vanished from the disk) answers a generic
     * 500 with a reference id and no stack trace; the room goes on.
     */
    @Test
    void anUnexpectedFailureGivesAGeneric500WithAReference() throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String player = c.join(room[0], "Eve");
        assertThat(c.startRound(room[0], room[1], 1, 1e9, 10).status()).isEqualTo(200);
        assertThat(c.submit(room[0], player, Map.of()).status()).isEqualTo(202);
        assertThat(c.endRound(room[0], room[1]).status()).isEqualTo(200);
        c.awaitFinished(room[0], room[1], 120);
        Files.delete(fixture.workshop.session(room[0]).round().zip());
        ApiClient.Reply r = c.get("/api/rooms/" + room[0] + "/results.zip", player);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("error").asText()).matches("internal error \\(reference [0-9a-f]{8}; the details are in "
                + "the server log\\)");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("/tmp");
        assertThat(c.state(room[0], player).get("you").asText()).isEqualTo("Eve");
    }

    static Path unzip(byte[] zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path p = target.resolve(e.getName()).normalize();
                if (!p.startsWith(target)) {
                    throw new IOException("zip entry outside the folder: " + e.getName());
                }
                Files.createDirectories(p.getParent());
                Files.copy(in, p);
            }
        }
        return target;
    }
}
