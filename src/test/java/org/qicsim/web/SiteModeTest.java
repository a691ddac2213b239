package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qicsim.model.RunResult;

/**
 * Site mode through the HTTP API (issue 14 item 3): participants lead one member hospital each in
 * one shared collaborative run and answer its reports; a silent participant is replaced by the
 * model's decision for the same draws, so a round nobody answers is bit-identical to the model-only
 * run; bad answers get a 4xx; closing the room stops the run thread.
 */
class SiteModeTest {
    static WorkshopFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = new WorkshopFixture();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
    }

    private static ApiClient.Reply startSite(ApiClient c, String code, String token, int seconds)
            throws IOException, InterruptedException {
        return c.post("/api/rooms/" + code + "/site", Map.of("action", "start", "cycleSeconds", seconds), token);
    }

    private static ApiClient.Reply respond(ApiClient c, String code, String token, Object response)
            throws IOException, InterruptedException {
        return c.post("/api/rooms/" + code + "/respond", Map.of("response", response), token);
    }

    /** Polls until the site round has finished (fails the test after {@code seconds}). */
    private static JsonNode awaitSiteFinished(ApiClient c, String code, String token, int seconds)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode s;
        do {
            s = c.state(code, token);
            String phase = s.path("site").path("phase").asText();
            if (!phase.equals("starting") && !phase.equals("running")) {
                return s;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("site round did not finish in " + seconds + " s: " + s);
    }

    @Test
    void threeParticipantsPlayASiteRoundAndASilentOneIsReplacedByTheModel() throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String code = room[0];
        String facilitator = room[1];
        List<String> tokens = new ArrayList<>();
        for (String name : List.of("Ann", "Bea", "Cai")) {
            tokens.add(c.join(code, name));
        }
        assertThat(startSite(c, code, tokens.get(0), 3).status()).isEqualTo(403);
        assertThat(startSite(c, code, facilitator, 0).status()).isEqualTo(400);
        assertThat(startSite(c, code, facilitator, 3).status()).isEqualTo(200);
        assertThat(startSite(c, code, facilitator, 3).status()).as("one round at a time").isEqualTo(409);
        SiteRound round = fixture.workshop.session(code).siteRound();

        // Ann always learns, Bea always rejects, Cai never answers (her tab is closed).
        String[] answers = {"learn", "reject"};
        boolean badTried = false;
        long end = System.nanoTime() + 120_000_000_000L;
        while (round.running() && System.nanoTime() < end) {
            for (int k = 0; k < 2; k++) {
                JsonNode you = c.state(code, tokens.get(k)).path("site").path("you");
                if (you.has("report") && !you.path("answered").asBoolean()) {
                    if (!badTried) {
                        for (Object bad : List.<Object>of("game", "LEARN", 3, "effort")) {
                            assertThat(respond(c, code, tokens.get(k), bad).status()).as("response " + bad)
                                    .isEqualTo(400);
                        }
                        assertThat(respond(c, code, facilitator, "learn").status()).isEqualTo(403);
                        badTried = true;
                    }
                    ApiClient.Reply r = respond(c, code, tokens.get(k), answers[k]);
                    // 409 only if the timer ran out between the poll and the answer.
                    assertThat(r.status()).as(r.toString()).isIn(200, 409);
                }
            }
            Thread.sleep(50);
        }
        JsonNode state = awaitSiteFinished(c, code, facilitator, 30);
        assertThat(state.path("site").path("phase").asText()).isEqualTo("finished");
        assertThat(state.path("mode").asText()).isEqualTo("site");
        assertThat(badTried).as("some report was asked").isTrue();

        // Sites: the first three members at launch, in join order.
        RunResult model = round.modelOnly();
        List<Integer> members = new ArrayList<>();
        for (int j = 0; j < model.factual().sites(); j++) {
            if (model.factual().memberAtStart(j)) {
                members.add(j);
            }
        }
        var session = fixture.workshop.session(code);
        List<Participant> people = List.of(session.participant(tokens.get(0)), session.participant(tokens.get(1)),
                session.participant(tokens.get(2)));
        for (int k = 0; k < 3; k++) {
            assertThat(round.siteOf(people.get(k))).isEqualTo(members.get(k));
        }
        var ann = round.choices(people.get(0));
        var bea = round.choices(people.get(1));
        var cai = round.choices(people.get(2));
        assertThat(ann).isNotEmpty();
        assertThat(cai).isNotEmpty();
        assertThat(ann).anySatisfy(ch -> {
            assertThat(ch.by()).isEqualTo("you");
            assertThat(SiteRound.label(ch.chosen())).isEqualTo("learn");
        });
        assertThat(bea).filteredOn(ch -> ch.by().equals("you"))
                .allSatisfy(ch -> assertThat(SiteRound.label(ch.chosen())).isEqualTo("reject"));
        // The silent participant's hospital made exactly the model's decisions.
        assertThat(cai).allSatisfy(ch -> {
            assertThat(ch.by()).isEqualTo("model (timer)");
            assertThat(ch.chosen()).isEqualTo(ch.model());
        });

        // The participant's page: history, trajectory; the debrief table has one row per hospital.
        JsonNode you = c.state(code, tokens.get(0)).path("site").path("you");
        assertThat(you.path("history").size()).isEqualTo(ann.size());
        assertThat(you.path("trajectory").path("yourHospital").size()).isEqualTo(model.months());
        JsonNode debrief = state.path("site").path("debrief");
        assertThat(debrief.size()).isEqualTo(3);
        assertThat(debrief.get(2).path("byYou").asInt()).isZero();
        assertThat(debrief.get(2).path("sameAsModel").asInt()).isEqualTo(cai.size());
        assertThat(respond(c, code, tokens.get(0), "learn").status()).as("nothing waiting").isEqualTo(409);
    }

    @Test
    void aRoundNobodyAnswersIsBitIdenticalToTheModelOnlyRun() throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        c.join(room[0], "Dee");
        c.join(room[0], "Eli");
        assertThat(startSite(c, room[0], room[1], 1).status()).isEqualTo(200);
        JsonNode state = awaitSiteFinished(c, room[0], room[1], 90);
        assertThat(state.path("site").path("phase").asText()).isEqualTo("finished");
        SiteRound round = fixture.workshop.session(room[0]).siteRound();
        RunResult played = round.played();
        // The reference: Run.execute with the model's policy everywhere (its own counterfactual).
        RunResult reference = org.qicsim.model.Run.execute(round.scenario().scenario(),
                round.scenario()::collaborativeAt, org.qicsim.experiment.Seeds.runSeed(
                        round.scenario().scenario().seed(), 0));
        assertThat(played.metrics()).isEqualTo(reference.metrics());
        for (int t = 0; t < reference.months(); t++) {
            assertThat(played.timeseriesRow(t)).as("month " + t).isEqualTo(reference.timeseriesRow(t));
        }
        for (int j = 0; j < reference.factual().sites(); j++) {
            assertThat(played.siteRow(j)).as("site " + j).isEqualTo(reference.siteRow(j));
            for (int t = 0; t < reference.months(); t++) {
                assertThat(Double.doubleToLongBits(played.factual().siteEvents(t, j)))
                        .isEqualTo(Double.doubleToLongBits(reference.factual().siteEvents(t, j)));
            }
        }
        assertThat(state.path("site").path("debrief").get(0).path("reports").asInt()).isPositive();
    }

    /**
     * All participants of one feedback cycle are asked at the same time: before either has answered,
     * both have their report of the same cycle and the facilitator sees both choosing; the one whose
     * hospital comes later in the feedback step may answer first.
     */
    @Test
    void everyParticipantOfACycleGetsTheReportAtOnce() throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String dan = c.join(room[0], "Dan");
        String eve = c.join(room[0], "Eve");
        assertThat(startSite(c, room[0], room[1], 600).status()).isEqualTo(200);
        long end = System.nanoTime() + 60_000_000_000L;
        JsonNode site = c.state(room[0], room[1]).path("site");
        while (site.path("choosing").size() < 2) {
            assertThat(System.nanoTime()).as("both are asked: " + site).isLessThan(end);
            Thread.sleep(100);
            site = c.state(room[0], room[1]).path("site");
        }
        List<String> choosing = new ArrayList<>();
        site.path("choosing").forEach(n -> choosing.add(n.asText()));
        assertThat(choosing).containsExactly("Dan", "Eve");
        JsonNode danReport = c.state(room[0], dan).path("site").path("you").path("report");
        JsonNode eveReport = c.state(room[0], eve).path("site").path("you").path("report");
        assertThat(danReport.path("cycle").asInt()).isPositive().isEqualTo(eveReport.path("cycle").asInt());
        // Eve answers first although Dan's hospital (the lower index) is decided first.
        assertThat(respond(c, room[0], eve, "reject").status()).isEqualTo(200);
        assertThat(respond(c, room[0], dan, "learn").status()).isEqualTo(200);
        assertThat(c.post("/api/rooms/" + room[0] + "/site", Map.of("action", "end"), room[1]).status())
                .isEqualTo(200);
        assertThat(awaitSiteFinished(c, room[0], room[1], 60).path("site").path("phase").asText())
                .isEqualTo("finished");
        var session = fixture.workshop.session(room[0]);
        var eveChoices = session.siteRound().choices(session.participant(eve));
        assertThat(eveChoices.get(0).by()).isEqualTo("you");
        assertThat(SiteRound.label(eveChoices.get(0).chosen())).isEqualTo("reject");
        assertThat(eveChoices.get(0).report().cycle()).isEqualTo(danReport.path("cycle").asInt());
    }

    @Test
    void theFacilitatorEndsTheRoundAndTheModelAnswersTheRest() throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String token = c.join(room[0], "Gus");
        assertThat(c.post("/api/rooms/" + room[0] + "/site", Map.of("action", "end"), room[1]).status())
                .as("nothing to end").isEqualTo(409);
        assertThat(startSite(c, room[0], room[1], 600).status()).isEqualTo(200);
        long end = System.nanoTime() + 60_000_000_000L;
        while (!c.state(room[0], token).path("site").path("you").has("report")) {
            assertThat(System.nanoTime()).as("a report arrives").isLessThan(end);
            Thread.sleep(100);
        }
        assertThat(c.state(room[0], room[1]).path("site").path("cycle").asInt()).isPositive();
        assertThat(c.post("/api/rooms/" + room[0] + "/site", Map.of("action", "end"), room[1]).status())
                .isEqualTo(200);
        JsonNode state = awaitSiteFinished(c, room[0], room[1], 60);
        assertThat(state.path("site").path("phase").asText()).isEqualTo("finished");
        SiteRound round = fixture.workshop.session(room[0]).siteRound();
        var choices = round.choices(fixture.workshop.session(room[0]).participant(token));
        assertThat(choices).isNotEmpty().allSatisfy(ch -> {
            assertThat(ch.by()).isEqualTo("model (round ended)");
            assertThat(ch.chosen()).isEqualTo(ch.model());
        });
    }

    @Test
    void closingTheRoomStopsTheRunThread() throws Exception {
        ApiClient c = fixture.client();
        String[] room = c.openRoom(WorkshopFixture.TINY);
        String token = c.join(room[0], "Fay");
        assertThat(respond(c, room[0], token, "learn").status()).as("no round yet").isEqualTo(409);
        assertThat(startSite(c, room[0], room[1], 600).status()).isEqualTo(200);
        SiteRound round = fixture.workshop.session(room[0]).siteRound();
        long end = System.nanoTime() + 60_000_000_000L;
        while (!c.state(room[0], token).path("site").path("you").has("report")) {
            assertThat(System.nanoTime()).as("a report arrives").isLessThan(end);
            Thread.sleep(100);
        }
        assertThat(round.alive()).isTrue();
        fixture.workshop.session(room[0]).close();
        round.join(Duration.ofSeconds(10));
        assertThat(round.alive()).isFalse();
        assertThat(round.phase()).isEqualTo(SiteRound.Phase.STOPPED);
        // The server goes on serving the room.
        assertThat(c.state(room[0], token).path("site").path("phase").asText()).isEqualTo("stopped");
    }
}
