package org.qicsim.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.analysis.Estimate;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;

/**
 * A workshop room: the scenario every design shares (its world, seed and horizon), the facilitator's
 * token, the participants and the current round. Every method is synchronised on the session:
 * requests of one room are few and short, and runs happen on the design queue, outside the lock.
 */
final class Session {

    static final int MAX_PARTICIPANTS = 60;
    static final int MAX_REPLICATES = 20;
    static final int MAX_ROUND_MINUTES = 180;
    static final int MAX_SUBMISSIONS_PER_ROUND = 20;
    /**
     * Replicates × sites × months a round may hold per design: a round keeps every run of each
     * participant's latest design for the results folder, so this bounds its memory (michigan-cqi's
     * 60 sites × 48 months at 20 replicates).
     */
    static final long MAX_SITE_MONTHS_PER_DESIGN = 20L * 60 * 48;

    private final String room;
    private final String facilitatorToken;
    private final ResolvedScenario base;
    private final Path file;
    private final List<Levers.Lever> levers;
    private final double defaultBudget;
    private final Workshop workshop;
    private final List<Participant> participants = new ArrayList<>();
    private Round round;
    private SiteRound siteRound;
    /** The mode of the latest round started: what the pages show. */
    private String mode = "design";
    private Instant lastActivity = Instant.now();

    Session(String room, String facilitatorToken, ResolvedScenario base, Path file, Workshop workshop) {
        this.room = room;
        this.facilitatorToken = facilitatorToken;
        this.base = base;
        this.file = file;
        this.workshop = workshop;
        this.levers = Levers.of(base.canonicalYaml());
        this.defaultBudget = DesignBudget.plannedCost(base.scenario());
    }

    String room() {
        return room;
    }

    /** Given once, to the creator of the room. */
    String facilitatorToken() {
        return facilitatorToken;
    }

    Path file() {
        return file;
    }

    /** The room's scenario (its world, seed and costs). */
    org.qicsim.scenario.Scenario scenario() {
        return base.scenario();
    }

    /** The facilitator asks for the attribution of design {@code design} of the finished design round. */
    void attribute(int design) {
        Debrief debrief;
        int replicates;
        synchronized (this) {
            if (round == null) {
                throw ApiException.conflict("no round has been played yet");
            }
            debrief = round.finishedDebrief();
            if (round.phase() != Round.Phase.FINISHED || debrief == null) {
                throw ApiException.conflict("the debrief is ready only when the round has finished");
            }
            replicates = round.replicates();
        }
        workshop.attribute(this, debrief, design, replicates);
    }

    /**
     * The facilitator asks for the attribution of design {@code design} of the finished site round
     * (the room's design: design 2 of its results folder), with {@code replicates} replicates of the
     * room's seed (null: {@link Workshop#SITE_ATTRIBUTION_REPLICATES}).
     */
    void attributeSite(int design, Integer replicates) {
        int n = replicates == null ? Workshop.SITE_ATTRIBUTION_REPLICATES : replicates;
        checkReplicates(n);
        SiteRound r = siteRound();
        Debrief debrief = r == null ? null : r.analysis();
        if (debrief == null) {
            throw ApiException.conflict("the site round's debrief is ready only when the round has finished and "
                    + "its results are written");
        }
        workshop.attribute(this, debrief, design, n);
    }

    /** 400 unless 1 to {@link #MAX_REPLICATES} replicates of this world fit {@link #MAX_SITE_MONTHS_PER_DESIGN}. */
    private void checkReplicates(int replicates) {
        if (replicates < 1 || replicates > MAX_REPLICATES) {
            throw ApiException.badRequest("replicates must be 1 to " + MAX_REPLICATES);
        }
        long siteMonths = (long) replicates * base.scenario().sites().count() * base.scenario().horizonMonths();
        if (siteMonths > MAX_SITE_MONTHS_PER_DESIGN) {
            long most = MAX_SITE_MONTHS_PER_DESIGN / ((long) base.scenario().sites().count()
                    * base.scenario().horizonMonths());
            throw ApiException.badRequest("this world allows at most " + Math.max(1, most)
                    + " replicates (replicates × sites × months at most " + MAX_SITE_MONTHS_PER_DESIGN + ")");
        }
    }

    synchronized Instant lastActivity() {
        return lastActivity;
    }

    synchronized void touch() {
        lastActivity = Instant.now();
    }

    boolean isFacilitator(String token) {
        return token != null && Tokens.equal(token, facilitatorToken);
    }

    synchronized Participant participant(String token) {
        if (token != null) {
            for (Participant p : participants) {
                if (Tokens.equal(token, p.token())) {
                    return p;
                }
            }
        }
        return null;
    }

    synchronized Participant join(String name, String token) {
        if (name == null || !Participant.NAME.matcher(name.strip()).matches()) {
            throw ApiException.badRequest("a name is 1 to 24 letters, digits, spaces, dots, dashes or underscores");
        }
        String clean = name.strip();
        if (participants.size() >= MAX_PARTICIPANTS) {
            throw ApiException.conflict("this room is full (" + MAX_PARTICIPANTS + " participants)");
        }
        for (Participant p : participants) {
            if (p.name().equalsIgnoreCase(clean)) {
                throw ApiException.conflict("someone in this room is already called " + clean + "; choose another name");
            }
        }
        Participant p = new Participant(participants.size() + 1, clean, token);
        participants.add(p);
        return p;
    }

    /** Starts a round; the reference (no collaborative) is queued first. */
    synchronized void startRound(int replicates, double budget, int minutes) throws ScenarioException {
        checkReplicates(replicates);
        if (!(budget > 0) || !Double.isFinite(budget) || budget > 1e12) {
            throw ApiException.badRequest("budget must be a positive amount up to 1e12");
        }
        if (minutes < 1 || minutes > MAX_ROUND_MINUTES) {
            throw ApiException.badRequest("round length must be 1 to " + MAX_ROUND_MINUTES + " minutes");
        }
        if (round != null && (round.open() || round.phase() == Round.Phase.CLOSING
                || round.phase() == Round.Phase.FINISHING)) {
            throw ApiException.conflict("round " + round.number() + " is still going; end it first");
        }
        if (siteRound != null && siteRound.running()) {
            throw ApiException.conflict("a site-mode round is still going; end it first");
        }
        ResolvedScenario none = workshop.catalogue().design(file,
                List.of(KeyOverride.of("collaborative.enabled", Boolean.FALSE, "workshop")));
        long seed = base.scenario().seed();
        Entry reference = new Entry(null, new DesignSpec(1, "no-collaborative", none), Map.of(), 0.0, replicates);
        Round next = new Round(round == null ? 1 : round.number() + 1, replicates, budget,
                Instant.now().plus(Duration.ofMinutes(minutes)), seed, reference);
        workshop.queue().submit(new DesignQueue.Job(reference, next.cache(), seed, () -> afterRun(next)));
        round = next;
        mode = "design";
        workshop.schedule(() -> endRound(next), Duration.ofMinutes(minutes));
    }

    /**
     * Starts a site-mode round: one collaborative run of the room's scenario and seed in which each
     * participant (in join order) leads one member hospital; {@code cycleSeconds} is each report's timer.
     */
    synchronized void startSiteRound(int cycleSeconds) throws ScenarioException {
        if (cycleSeconds < SiteRound.MIN_CYCLE_SECONDS || cycleSeconds > SiteRound.MAX_CYCLE_SECONDS) {
            throw ApiException.badRequest("the cycle timer must be " + SiteRound.MIN_CYCLE_SECONDS + " to "
                    + SiteRound.MAX_CYCLE_SECONDS + " seconds");
        }
        if (round != null && (round.open() || round.phase() == Round.Phase.CLOSING
                || round.phase() == Round.Phase.FINISHING)) {
            throw ApiException.conflict("design round " + round.number() + " is still going; end it first");
        }
        if (siteRound != null && siteRound.running()) {
            throw ApiException.conflict("a site-mode round is still going; end it first");
        }
        if (participants.isEmpty()) {
            throw ApiException.conflict("nobody has joined yet");
        }
        ResolvedScenario none = workshop.catalogue().design(file,
                List.of(KeyOverride.of("collaborative.enabled", Boolean.FALSE, "workshop")));
        siteRound = new SiteRound(siteRound == null ? 1 : siteRound.number() + 1, base, none, base.scenario().seed(),
                List.copyOf(participants), Duration.ofSeconds(cycleSeconds), room,
                finished -> workshop.finishSite(this, finished));
        siteRound.start();
        mode = "site";
    }

    /** The facilitator ends the site-mode round: the model answers every report still to come. */
    synchronized void endSiteRound() {
        if (siteRound == null || !siteRound.running()) {
            throw ApiException.conflict("no site-mode round is going");
        }
        siteRound.end();
    }

    /** A participant answers their hospital's waiting report, and says where to put effort until the next. */
    void respond(Participant p, String choice, String effort) {
        startedSiteRound().answer(p, choice, effort);
    }

    /** A participant answers their hospital's waiting yearly gaming decision. */
    void game(Participant p, String choice) {
        startedSiteRound().answerGaming(p, choice);
    }

    private SiteRound startedSiteRound() {
        SiteRound r = siteRound();
        if (r == null) {
            throw ApiException.conflict("no site-mode round has been started");
        }
        return r;
    }

    synchronized SiteRound siteRound() {
        return siteRound;
    }

    /** The room closes: a site-mode run thread is stopped. */
    void close() {
        SiteRound r = siteRound();
        if (r != null) {
            r.stop();
        }
    }

    /** Ends the given round (the facilitator's button or its timer); designs already queued still run. */
    synchronized void endRound(Round which) {
        if (which != round || !which.open()) {
            return;
        }
        which.phase(Round.Phase.CLOSING);
        maybeFinish(which);
    }

    synchronized void endCurrentRound() {
        if (round == null || !round.open()) {
            throw ApiException.conflict("no round is open");
        }
        endRound(round);
    }

    private synchronized void afterRun(Round which) {
        maybeFinish(which);
    }

    private void maybeFinish(Round which) {
        if (which.phase() == Round.Phase.CLOSING && !which.anyPending()) {
            which.phase(Round.Phase.FINISHING);
            workshop.finish(this, which);
        }
    }

    /** The planned cost of a design and the round's budget. */
    /** Loads outside the session's lock: only the immutable session file is read. */
    Map<String, Object> price(Map<String, Object> submitted) throws ScenarioException {
        ResolvedScenario design = design(submitted);
        Map<String, Object> out = new LinkedHashMap<>();
        double cost = DesignBudget.plannedCost(design.scenario());
        double budget = budget();
        out.put("plannedCost", cost);
        out.put("budget", budget);
        out.put("withinBudget", cost <= budget);
        return out;
    }

    /** Validates and prices the design outside the session's lock, then queues it under the lock. */
    void submit(Participant p, Map<String, Object> submitted) throws ScenarioException {
        ResolvedScenario design = design(submitted);
        double cost = DesignBudget.plannedCost(design.scenario());
        queue(p, submitted, design, cost);
    }

    private synchronized void queue(Participant p, Map<String, Object> submitted, ResolvedScenario design, double cost) {
        if (round == null || !round.open()) {
            throw ApiException.conflict("no round is open; wait for the facilitator to start one");
        }
        Entry previous = round.latest(p);
        if (previous != null && previous.pending()) {
            throw ApiException.conflict("your previous design is still running; wait for it to finish");
        }
        if (round.submissions(p) >= MAX_SUBMISSIONS_PER_ROUND) {
            throw ApiException.tooMany("at most " + MAX_SUBMISSIONS_PER_ROUND + " designs per round");
        }
        if (cost > round.budget()) {
            throw new ApiException(422, String.format(java.util.Locale.ROOT,
                    "over budget: this design's planned cost is %,.0f, the budget %,.0f", cost, round.budget()));
        }
        Entry entry = new Entry(p, new DesignSpec(p.number() + 1, p.designName(), design), submitted, cost,
                round.replicates());
        Round current = round;
        workshop.queue().submit(new DesignQueue.Job(entry, current.cache(), current.masterSeed(),
                () -> afterRun(current)));
        round.submitted(p, entry);
    }

    private ResolvedScenario design(Map<String, Object> submitted) throws ScenarioException {
        List<KeyOverride> overrides = Levers.parse(submitted);
        try {
            return workshop.catalogue().design(file, overrides);
        } catch (ScenarioException e) {
            // Only the levers' own problems are shown; the session file is the server's.
            List<org.qicsim.scenario.Problem> shown = new ArrayList<>();
            for (var p : e.problems()) {
                if (p.file().startsWith("lever ")) {
                    shown.add(p);
                }
            }
            if (shown.isEmpty()) {
                throw new ApiException(422, "these levers do not make a valid design together");
            }
            throw new ApiException(422, "some levers are not valid", shown);
        }
    }

    synchronized Round round() {
        return round;
    }

    /** What every page polls: the room, the round, everyone's progress, the league and the trajectories. */
    synchronized Map<String, Object> state(Participant viewer, boolean facilitator) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room", room);
        out.put("scenario", base.scenario().name());
        out.put("description", base.scenario().description());
        out.put("sites", base.scenario().sites().count());
        out.put("horizonMonths", base.scenario().horizonMonths());
        out.put("startMonth", base.scenario().startMonth());
        out.put("seed", base.scenario().seed());
        out.put("defaultBudget", defaultBudget);
        out.put("facilitator", facilitator);
        if (viewer != null) {
            out.put("you", viewer.name());
        }
        out.put("queueWaiting", workshop.queue().waiting());
        List<Map<String, Object>> people = new ArrayList<>();
        for (Participant p : participants) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            Entry e = round == null ? null : round.latest(p);
            row.put("status", e == null ? "designing" : e.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("runsDone", e == null ? 0 : e.runsDone());
            row.put("submissions", round == null ? 0 : round.submissions(p));
            people.add(row);
        }
        out.put("participants", people);
        out.put("mode", mode);
        out.put("site", siteRound == null ? null : siteRound.state(viewer));
        if (round == null) {
            out.put("round", null);
            return out;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("number", round.number());
        r.put("phase", round.phase().name().toLowerCase(java.util.Locale.ROOT));
        r.put("replicates", round.replicates());
        r.put("budget", round.budget());
        r.put("endsAt", round.endsAt().toString());
        r.put("secondsLeft", Math.max(0, Duration.between(Instant.now(), round.endsAt()).toSeconds()));
        r.put("failure", round.failure());
        out.put("round", r);
        List<Map<String, Object>> league = new ArrayList<>();
        for (Entry e : round.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.participant().name());
            row.put("you", viewer != null && viewer.number() == e.participant().number());
            row.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("runsDone", e.runsDone());
            row.put("plannedCost", e.plannedCost());
            row.put("eventsAverted", JsonNumbers.estimate(e.estimate("eventsAverted")));
            row.put("relativeEffect", JsonNumbers.estimate(e.estimate("relativeEffect")));
            row.put("costTotal", JsonNumbers.estimate(e.estimate("costTotal")));
            row.put("trajectory", e.trajectory(false));
            if (e.status() == Entry.Status.FAILED) {
                row.put("failure", e.failure());
            }
            league.add(row);
        }
        league.sort((a, b) -> Double.compare(mean(b), mean(a)));
        out.put("league", league);
        out.put("noCollaborative", round.reference().trajectory(false));
        out.put("debrief", round.debrief());
        out.put("resultsReady", round.zip() != null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static double mean(Map<String, Object> row) {
        Object m = ((Map<String, Object>) row.get("eventsAverted")).get("mean");
        return m == null ? Double.NEGATIVE_INFINITY : (Double) m;
    }

    List<Levers.Lever> levers() {
        return levers;
    }

    synchronized double budget() {
        return round != null ? round.budget() : defaultBudget;
    }

    static Map<String, Object> estimate(Estimate e) {
        return JsonNumbers.estimate(e);
    }
}
