package org.qicsim.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.ArmTrace;
import org.qicsim.model.Decision;
import org.qicsim.model.GamingChoice;
import org.qicsim.model.ImitationChoice;
import org.qicsim.model.LeaderView;
import org.qicsim.model.Report;
import org.qicsim.model.ReportClass;
import org.qicsim.model.Response;
import org.qicsim.model.ResponsePolicy;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.ResolvedScenario;

/**
 * A site-mode round (issue 14 item 3): ONE collaborative run of the room's scenario (replicate 1 of
 * the room's seed) on its own thread, in which each participant leads one member hospital. At each
 * of its site's reports the participant's {@link ResponsePolicy} publishes the report and waits for
 * the participant's answer until the cycle timer runs out; then it uses the model's own decision
 * for the same draws, so a silent participant plays exactly like the model (common random numbers:
 * with nobody answering, the run equals {@link Run#execute} with the model's policy everywhere).
 *
 * <p>A participant makes the three choices the model gives a site's leader, each through the
 * hospital's {@link ResponsePolicy}: the response to each report, with where to put the hospital's
 * improvement effort until the next report (copy the positive deviants, try changes of its own, or
 * as a model hospital would: {@link ResponsePolicy#imitate}); and, once a collaborative year,
 * whether to game the hospital's records ({@link ResponsePolicy#game}). The feedback step and the
 * gaming decision announce every site's question before they ask any site to decide
 * ({@link ResponsePolicy#announce}, {@link ResponsePolicy#announceGaming}), so all participants
 * see their question and choose at the same time; the run goes on when all have chosen or the
 * timer has run out, and a question the timer ends is answered by the model's rule for the same
 * draws (for the effort: the model's own monthly choice until the next report).
 *
 * <p>Before the played run the thread makes the model-only run of the same seed: it tells which
 * sites are members at launch (participants get them by join order, lowest site index first) and
 * is the debrief's "what the model would have done"; after it, the no-collaborative run, so the
 * round's results folder compares the three ({@link Workshop#finishSite}). Every method but the
 * run itself is synchronised on this object.
 */
final class SiteRound {
    private static final Logger LOG = Logger.getLogger(SiteRound.class.getName());

    static final int MIN_CYCLE_SECONDS = 1;
    static final int MAX_CYCLE_SECONDS = 600;

    /** What a participant may answer: the Decision's responses, and ignoring the report. */
    static final List<String> CHOICES = List.of("learn", "lower", "reject", "withdraw", "maintain", "ignore");
    /**
     * Where to put the hospital's improvement effort until its next report (S7): as a model
     * hospital would (copy a positive deviant with the model's probability), copy the positive
     * deviants whenever one can be copied, or always try changes of its own.
     */
    static final List<String> EFFORTS = List.of("model", "copy", "own");
    /** The yearly gaming answers (S2): game the records this year, or record honestly. */
    static final List<String> GAMING = List.of("game", "honest");

    enum Phase { STARTING, RUNNING, FINISHED, STOPPED, FAILED }

    /** One participant's hospital and what happened at its reports and gaming decisions. */
    static final class Player {
        final Participant participant;
        int site = -1;
        Ask pending;
        Decision answer;
        String answerEffort;
        GamingAsk gamingPending;
        Boolean gamingAnswer;
        /** Where the hospital's improvement effort goes until its next report (one of {@link #EFFORTS}). */
        String effort = "model";
        final List<Choice> choices = new ArrayList<>();
        final List<GamingAnswer> gaming = new ArrayList<>();

        Player(Participant participant) {
            this.participant = participant;
        }
    }

    /** A report waiting for its participant's answer. */
    record Ask(Report report, LeaderView view, Decision model, boolean league, Instant deadline) {
    }

    /** A yearly gaming decision waiting for its participant's answer. */
    record GamingAsk(GamingChoice choice, boolean model, Instant deadline) {
    }

    /**
     * One answered report: who chose, what, where the effort goes until the next report, and what
     * the model's rule chose for the same draws.
     */
    record Choice(Report report, Decision chosen, Decision model, String effort, String by) {
    }

    /** One yearly gaming decision: whether the hospital games, and what the model's draw chose. */
    record GamingAnswer(GamingChoice choice, boolean chosen, boolean model, String by) {
    }

    /** Thrown out of the run when the round is stopped (room closed): ends the run thread. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("site round stopped", null, false, false);
        }
    }

    private final int number;
    private final ResolvedScenario scenario;
    private final ResolvedScenario noCollaborative;
    private final long masterSeed;
    private final long runSeed;
    private final Consumer<SiteRound> whenFinished;
    private final Duration cycle;
    private final List<Player> players = new ArrayList<>();
    private final Thread thread;
    private Phase phase = Phase.STARTING;
    private boolean ending;
    private String failure;
    private RunResult modelOnly;
    private RunResult played;
    private RunResult none;
    private Debrief analysis;
    private String resultsFailure;
    private int[] members = new int[0];
    /** The latest feedback cycle and month a participant was asked about (0 before any). */
    private int cycleNow;
    private int monthNow;

    /**
     * @param noCollaborative the room's scenario with the collaborative switched off (the results
     *     folder's reference design)
     * @param whenFinished called on the run thread once the played run has finished (not when stopped)
     */
    SiteRound(int number, ResolvedScenario scenario, ResolvedScenario noCollaborative, long masterSeed,
            List<Participant> participants, Duration cycle, String room, Consumer<SiteRound> whenFinished) {
        this.number = number;
        this.scenario = scenario;
        this.noCollaborative = noCollaborative;
        this.masterSeed = masterSeed;
        this.runSeed = Seeds.runSeed(masterSeed, 0);
        this.whenFinished = whenFinished;
        this.cycle = cycle;
        for (Participant p : participants) {
            players.add(new Player(p));
        }
        this.thread = new Thread(this::run, "qicsim-site-round-" + room + "-" + number);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    int number() {
        return number;
    }

    /** The room's scenario the round runs. */
    ResolvedScenario scenario() {
        return scenario;
    }

    private void run() {
        try {
            Run.Counterfactual counterfactual = Run.counterfactual(scenario.scenario(), scenario::collaborativeAt,
                    runSeed);
            RunResult model = Run.execute(scenario.scenario(), scenario::collaborativeAt, runSeed, counterfactual);
            synchronized (this) {
                if (phase == Phase.STOPPED) {
                    return;
                }
                modelOnly = model;
                List<Integer> list = new ArrayList<>();
                for (int j = 0; j < model.factual().sites(); j++) {
                    if (model.factual().memberAtStart(j)) {
                        list.add(j);
                    }
                }
                members = list.stream().mapToInt(Integer::intValue).toArray();
                for (int k = 0; k < players.size() && k < members.length; k++) {
                    players.get(k).site = members[k];
                }
                phase = Phase.RUNNING;
            }
            RunResult result = Run.execute(scenario.scenario(), scenario::collaborativeAt, runSeed, counterfactual,
                    this::policy);
            // The same world without the collaborative: the results folder's reference design.
            RunResult reference = Run.execute(noCollaborative.scenario(), noCollaborative::collaborativeAt, runSeed,
                    counterfactual);
            synchronized (this) {
                played = result;
                none = reference;
                phase = Phase.FINISHED;
                notifyAll();
            }
            whenFinished.accept(this);
        } catch (Stopped e) {
            LOG.fine("site round " + number + " stopped");
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "site round " + number + " failed", e);
            synchronized (this) {
                failure = "the run failed on the server (see the server log)";
                phase = Phase.FAILED;
            }
        }
    }

    private ResponsePolicy policy(int site) {
        Player player = playerOf(site);
        if (player == null) {
            return ResponsePolicy.model();
        }
        return new ResponsePolicy() {
            @Override
            public void announce(Report report, LeaderView view, ResponsePolicy.Draws draws) {
                publish(player, report, view, ResponsePolicy.model().decide(report, view, draws));
            }

            @Override
            public Decision decide(Report report, LeaderView view, ResponsePolicy.Draws draws) {
                return await(player, report, ResponsePolicy.model().decide(report, view, draws));
            }

            @Override
            public void announceGaming(GamingChoice choice, double uniform) {
                publishGaming(player, choice, ResponsePolicy.model().game(choice, uniform));
            }

            @Override
            public boolean game(GamingChoice choice, double uniform) {
                return awaitGaming(player, choice, ResponsePolicy.model().game(choice, uniform));
            }

            @Override
            public boolean imitate(ImitationChoice choice, double uniform) {
                return switch (effortOf(player)) {
                    case "copy" -> true;
                    case "own" -> false;
                    default -> ResponsePolicy.model().imitate(choice, uniform);
                };
            }
        };
    }

    private synchronized String effortOf(Player player) {
        return player.effort;
    }

    private synchronized Player playerOf(int site) {
        for (Player p : players) {
            if (p.site == site) {
                return p;
            }
        }
        return null;
    }

    /**
     * Publishes the report as soon as the feedback step has made it (every participant of one cycle
     * at once) and starts the cycle timer; the answer may come any time before the timer runs out.
     */
    private synchronized void publish(Player player, Report report, LeaderView view, Decision model) {
        if (phase == Phase.STOPPED) {
            throw new Stopped();
        }
        if (ending) {
            return;
        }
        boolean league = scenario.collaborativeAt(report.month()).feedback().display()
                == Collaborative.Display.LEAGUE;
        cycleNow = report.cycle();
        monthNow = report.month();
        player.pending = new Ask(report, view, model, league, Instant.now().plus(cycle));
        player.answer = null;
        notifyAll();
    }

    /** Waits for the published report's answer, the cycle timer, the end of the round or a stop. */
    private synchronized Decision await(Player player, Report report, Decision model) {
        if (phase == Phase.STOPPED) {
            throw new Stopped();
        }
        Ask ask = player.pending;
        if (ending || ask == null) {
            player.pending = null;
            player.effort = "model";
            player.choices.add(new Choice(report, model, model, "model", "model (round ended)"));
            return model;
        }
        try {
            waitForAnswer(ask.deadline(), () -> player.answer != null);
        } finally {
            player.pending = null;
        }
        Decision answer = player.answer;
        String effort = player.answerEffort;
        player.answer = null;
        player.answerEffort = null;
        if (answer == null) {
            player.effort = "model";
            player.choices.add(new Choice(report, model, model, "model", ending ? "model (round ended)"
                    : "model (timer)"));
            return model;
        }
        player.effort = effort;
        player.choices.add(new Choice(report, answer, model, effort, "you"));
        return answer;
    }

    /** As {@link #publish}, for the yearly gaming decision: the question and its timer. */
    private synchronized void publishGaming(Player player, GamingChoice choice, boolean model) {
        if (phase == Phase.STOPPED) {
            throw new Stopped();
        }
        if (ending) {
            return;
        }
        monthNow = choice.month();
        player.gamingPending = new GamingAsk(choice, model, Instant.now().plus(cycle));
        player.gamingAnswer = null;
        notifyAll();
    }

    /** As {@link #await}, for the yearly gaming decision. */
    private synchronized boolean awaitGaming(Player player, GamingChoice choice, boolean model) {
        if (phase == Phase.STOPPED) {
            throw new Stopped();
        }
        GamingAsk ask = player.gamingPending;
        if (ending || ask == null) {
            player.gamingPending = null;
            player.gaming.add(new GamingAnswer(choice, model, model, "model (round ended)"));
            return model;
        }
        try {
            waitForAnswer(ask.deadline(), () -> player.gamingAnswer != null);
        } finally {
            player.gamingPending = null;
        }
        Boolean answer = player.gamingAnswer;
        player.gamingAnswer = null;
        if (answer == null) {
            player.gaming.add(new GamingAnswer(choice, model, model, ending ? "model (round ended)"
                    : "model (timer)"));
            return model;
        }
        player.gaming.add(new GamingAnswer(choice, answer, model, "you"));
        return answer;
    }

    /** Waits (holding this object's monitor between waits) until answered, the deadline, the end or a stop. */
    private void waitForAnswer(Instant deadline, BooleanSupplier answered) {
        try {
            while (!answered.getAsBoolean() && !ending && phase != Phase.STOPPED) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (phase == Phase.STOPPED) {
            throw new Stopped();
        }
    }

    /**
     * A participant's answer to their pending report, with where to put the hospital's effort until
     * the next report ({@code effort} null: as a model hospital would).
     */
    synchronized void answer(Participant participant, String choice, String effort) {
        Decision decision = decision(choice);
        String focus = effort(effort);
        Player player = leader(participant);
        if (player.pending == null) {
            throw ApiException.conflict("your hospital has no report waiting for an answer");
        }
        player.answer = decision;
        player.answerEffort = focus;
        notifyAll();
    }

    /** A participant's answer to their hospital's yearly gaming decision. */
    synchronized void answerGaming(Participant participant, String choice) {
        boolean game = gaming(choice);
        Player player = leader(participant);
        if (player.gamingPending == null) {
            throw ApiException.conflict("your hospital has no gaming decision waiting for an answer");
        }
        player.gamingAnswer = game;
        notifyAll();
    }

    private Player leader(Participant participant) {
        Player player = player(participant);
        if (player == null || player.site < 0) {
            throw ApiException.conflict("you lead no hospital in this round");
        }
        return player;
    }

    /** The choice's decision; 400 for anything but the listed choices. */
    static Decision decision(String choice) {
        if (choice == null || !CHOICES.contains(choice)) {
            throw ApiException.badRequest("response must be one of: " + String.join(", ", CHOICES));
        }
        if (choice.equals("ignore")) {
            return Decision.NOT_PROCESSED;
        }
        return Decision.respond(Response.valueOf(choice.toUpperCase(Locale.ROOT)));
    }

    /** Where to put effort; null is the model's way; 400 for anything but the listed values. */
    static String effort(String effort) {
        if (effort == null) {
            return "model";
        }
        if (!EFFORTS.contains(effort)) {
            throw ApiException.badRequest("effort must be one of: " + String.join(", ", EFFORTS));
        }
        return effort;
    }

    /** Whether the answer games; 400 for anything but the listed answers. */
    static boolean gaming(String choice) {
        if (choice == null || !GAMING.contains(choice)) {
            throw ApiException.badRequest("gaming must be one of: " + String.join(", ", GAMING));
        }
        return choice.equals("game");
    }

    private Player player(Participant participant) {
        for (Player p : players) {
            if (p.participant.number() == participant.number()) {
                return p;
            }
        }
        return null;
    }

    /** The facilitator ends the round: every report still to come is answered by the model at once. */
    synchronized void end() {
        ending = true;
        notifyAll();
    }

    /** The room closes: the run thread is stopped (it throws out of the run) and will not be restarted. */
    void stop() {
        synchronized (this) {
            if (phase == Phase.FINISHED || phase == Phase.FAILED) {
                return;
            }
            phase = Phase.STOPPED;
            notifyAll();
        }
        thread.interrupt();
    }

    /** Whether the run thread is alive (for tests and the idle sweep). */
    boolean alive() {
        return thread.isAlive();
    }

    /** Waits for the run thread to end (tests). */
    void join(Duration most) throws InterruptedException {
        thread.join(most.toMillis());
    }

    synchronized boolean running() {
        return phase == Phase.STARTING || phase == Phase.RUNNING;
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized RunResult played() {
        return played;
    }

    synchronized RunResult modelOnly() {
        return modelOnly;
    }

    /** The site each participant leads, by participant number (-1: none, more players than members). */
    synchronized int siteOf(Participant participant) {
        Player p = player(participant);
        return p == null ? -1 : p.site;
    }

    /** The choices made for a participant's hospital, in order. */
    synchronized List<Choice> choices(Participant participant) {
        Player p = player(participant);
        return p == null ? List.of() : List.copyOf(p.choices);
    }

    /** The yearly gaming decisions made for a participant's hospital, in order. */
    synchronized List<GamingAnswer> gamingAnswers(Participant participant) {
        Player p = player(participant);
        return p == null ? List.of() : List.copyOf(p.gaming);
    }

    /** The no-collaborative run of the same world and seed (null until the round has finished). */
    synchronized RunResult noCollaborative() {
        return none;
    }

    /** The room's master seed (the played run is its replicate 1). */
    long masterSeed() {
        return masterSeed;
    }

    /** The scenario with the collaborative switched off (the results folder's reference). */
    ResolvedScenario noCollaborativeScenario() {
        return noCollaborative;
    }

    /** The participants who led a hospital, in join order, with their choices (for the results folder). */
    synchronized List<Player> leaders() {
        return players.stream().filter(p -> p.site >= 0).toList();
    }

    /**
     * The round's results zip, once written ({@link Workshop#finishSite}), with every attribution
     * finished so far; null before.
     */
    synchronized java.nio.file.Path zip() {
        return analysis == null ? null : analysis.zip();
    }

    /**
     * The round's debrief of its designs (as played, model only, against no collaborative), the same
     * kind as a design round's: cost-effectiveness and attributions; null until the results folder
     * is written.
     */
    synchronized Debrief analysis() {
        return analysis;
    }

    synchronized void analysis(Debrief debrief) {
        this.analysis = debrief;
    }

    /** Why the results folder could not be written, for the pages. */
    synchronized void resultsFailed(String message) {
        this.resultsFailure = message;
    }

    /** The round as the pages see it; {@code viewer} null for the facilitator. */
    synchronized Map<String, Object> state(Participant viewer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", number);
        out.put("phase", phase.name().toLowerCase(Locale.ROOT));
        out.put("cycleSeconds", cycle.toSeconds());
        out.put("members", members.length);
        out.put("cycle", cycleNow);
        out.put("month", monthNow);
        out.put("ending", ending);
        out.put("failure", failure);
        out.put("choices", CHOICES);
        out.put("efforts", EFFORTS);
        out.put("gamingChoices", GAMING);
        out.put("results", analysis != null);
        out.put("resultsFailure", resultsFailure);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> choosing = new ArrayList<>();
        for (Player p : players) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.participant.name());
            row.put("site", p.site < 0 ? null : p.site + 1);
            row.put("answered", p.choices.size());
            row.put("byYou", p.choices.stream().filter(c -> c.by().equals("you")).count());
            boolean asked = p.pending != null || p.gamingPending != null;
            boolean chosen = p.pending != null ? p.answer != null : p.gamingAnswer != null;
            row.put("status", phase == Phase.STARTING ? "waiting" : p.site < 0 ? "watching"
                    : asked ? (chosen ? "chosen" : p.gamingPending != null ? "choosing (gaming)" : "choosing")
                    : "waiting");
            row.put("gamingYears", p.gaming.size());
            if (asked && !chosen) {
                choosing.add(p.participant.name());
            }
            if (p.pending != null) {
                row.put("cycle", p.pending.report().cycle());
            }
            rows.add(row);
        }
        out.put("players", rows);
        out.put("choosing", choosing);
        if (viewer != null) {
            Player you = player(viewer);
            if (you != null) {
                out.put("you", you(you));
            }
        }
        if (phase == Phase.FINISHED) {
            out.put("debrief", debrief());
        }
        out.put("analysis", analysis == null ? null : analysis.view());
        return out;
    }

    private Map<String, Object> you(Player p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site", p.site < 0 ? null : p.site + 1);
        if (p.pending != null) {
            out.put("report", report(p.pending));
            out.put("secondsLeft", Math.max(0, Duration.between(Instant.now(), p.pending.deadline()).toSeconds()));
            out.put("answered", p.answer != null);
        }
        if (p.gamingPending != null) {
            out.put("gaming", gamingQuestion(p.gamingPending.choice()));
            out.put("secondsLeft", Math.max(0, Duration.between(Instant.now(), p.gamingPending.deadline())
                    .toSeconds()));
            out.put("answered", p.gamingAnswer != null);
        }
        out.put("effort", p.effort);
        List<Map<String, Object>> history = new ArrayList<>();
        for (Choice c : p.choices) {
            history.add(choice(c));
        }
        out.put("history", history);
        List<Map<String, Object>> gaming = new ArrayList<>();
        for (GamingAnswer g : p.gaming) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", g.choice().year());
            row.put("month", g.choice().month());
            row.put("chosen", g.chosen() ? "game" : "honest");
            row.put("model", g.model() ? "game" : "honest");
            row.put("by", g.by());
            gaming.add(row);
        }
        out.put("gamingHistory", gaming);
        if (phase == Phase.FINISHED && p.site >= 0) {
            out.put("trajectory", trajectory(p.site));
        }
        return out;
    }

    private static Map<String, Object> report(Ask a) {
        Report r = a.report();
        LeaderView v = a.view();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cycle", r.cycle());
        out.put("month", r.month());
        out.put("rate", JsonNumbers.finite(r.rate()));
        out.put("benchmark", JsonNumbers.finite(r.benchmark()));
        out.put("aspiration", JsonNumbers.finite(r.aspiration()));
        out.put("gap", JsonNumbers.finite(r.gap()));
        out.put("previousGap", JsonNumbers.finite(v.previousGap()));
        out.put("standing", standing(r, a.league()));
        out.put("badRank", r.badRank());
        out.put("threat", JsonNumbers.finite(r.threat()));
        out.put("credibility", JsonNumbers.finite(r.credibility()));
        out.put("responseInForce", v.responseInForce().name().toLowerCase(Locale.ROOT));
        out.put("trust", JsonNumbers.finite(v.trust()));
        out.put("safety", JsonNumbers.finite(v.safety()));
        out.put("processingProbability", JsonNumbers.finite(v.processingProbability()));
        // The model's leanings when the gap is positive: the logit shares of its four responses.
        double[] share = v.responseShares();
        Map<String, Object> lean = new LinkedHashMap<>();
        String[] names = {"learn", "lower", "reject", "withdraw"};
        for (int k = 0; k < share.length; k++) {
            lean.put(names[k], JsonNumbers.finite(share[k]));
        }
        out.put("leanings", r.gap() > 0 ? lean : null);
        return out;
    }

    /** The yearly gaming question as the page shows it. */
    private static Map<String, Object> gamingQuestion(GamingChoice g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", g.year());
        out.put("month", g.month());
        out.put("gamingNow", g.gamingNow());
        out.put("stake", JsonNumbers.finite(g.stake()));
        out.put("auditRate", JsonNumbers.finite(g.auditRate()));
        out.put("detection", JsonNumbers.finite(g.detection()));
        out.put("suppression", JsonNumbers.finite(g.suppression()));
        out.put("upcodeShare", JsonNumbers.finite(g.upcodeShare()));
        out.put("upcodeShift", JsonNumbers.finite(g.upcodeShift()));
        out.put("trustPenalty", JsonNumbers.finite(g.trustPenalty()));
        out.put("exclusionCycles", g.exclusionCycles());
        out.put("probability", JsonNumbers.finite(g.probability()));
        return out;
    }

    /** The report's standing: the funnel class, or the league quintile under a league table. */
    private static String standing(Report r, boolean league) {
        if (league) {
            return "league quintile " + r.fairnessClass() + " of 5 (1 best)";
        }
        ReportClass c = ReportClass.values()[r.fairnessClass()];
        return switch (c) {
            case WORSE -> "worse than expected (outside the funnel's control limit)";
            case BETTER -> "better than expected (outside the funnel's control limit)";
            case EXPECTED -> "as expected (inside the funnel's control limits)";
        };
    }

    private static Map<String, Object> choice(Choice c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cycle", c.report().cycle());
        out.put("month", c.report().month());
        out.put("rate", JsonNumbers.finite(c.report().rate()));
        out.put("gap", JsonNumbers.finite(c.report().gap()));
        out.put("chosen", label(c.chosen()));
        out.put("effort", c.effort());
        out.put("model", label(c.model()));
        out.put("by", c.by());
        return out;
    }

    static String label(Decision d) {
        return d.processed() ? d.response().name().toLowerCase(Locale.ROOT) : "ignore";
    }

    /** Monthly rate of one site (expected events per case) in the played, model-only and no-collaborative runs. */
    private Map<String, Object> trajectory(int site) {
        ArmTrace f = played.factual();
        ArmTrace m = modelOnly.factual();
        ArmTrace cf = played.counterfactual();
        List<Object> yours = new ArrayList<>();
        List<Object> model = new ArrayList<>();
        List<Object> none = new ArrayList<>();
        List<Object> collaborative = new ArrayList<>();
        for (int t = 0; t < f.months(); t++) {
            yours.add(JsonNumbers.finite(rate(f.siteEvents(t, site), f.siteCases(t, site))));
            model.add(JsonNumbers.finite(rate(m.siteEvents(t, site), m.siteCases(t, site))));
            none.add(JsonNumbers.finite(rate(cf.siteEvents(t, site), cf.siteCases(t, site))));
            collaborative.add(JsonNumbers.finite(rate(f.events(t), f.cases(t))));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startMonth", scenario.scenario().startMonth());
        out.put("yourHospital", yours);
        out.put("modelHospital", model);
        out.put("noCollaborative", none);
        out.put("collaborative", collaborative);
        return out;
    }

    private static double rate(double events, double cases) {
        return cases > 0 ? events / cases : Double.NaN;
    }

    /** Rate of a site over the last 12 months. */
    private static double lastYear(ArmTrace a, int site) {
        double e = 0;
        double n = 0;
        for (int t = Math.max(0, a.months() - 12); t < a.months(); t++) {
            e += a.siteEvents(t, site);
            n += a.siteCases(t, site);
        }
        return rate(e, n);
    }

    /** Per participant: choices against the model's, and their hospital's last-year rate in the three runs. */
    private List<Map<String, Object>> debrief() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Player p : players) {
            if (p.site < 0) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.participant.name());
            row.put("site", p.site + 1);
            row.put("reports", p.choices.size());
            row.put("byYou", p.choices.stream().filter(c -> c.by().equals("you")).count());
            row.put("sameAsModel", p.choices.stream().filter(c -> c.chosen().equals(c.model())).count());
            row.put("gamedYears", p.gaming.stream().filter(GamingAnswer::chosen).count());
            row.put("gamingYears", p.gaming.size());
            row.put("lastYearRate", JsonNumbers.finite(lastYear(played.factual(), p.site)));
            row.put("lastYearRateModel", JsonNumbers.finite(lastYear(modelOnly.factual(), p.site)));
            row.put("lastYearRateNoCollaborative", JsonNumbers.finite(lastYear(played.counterfactual(), p.site)));
            rows.add(row);
        }
        return rows;
    }
}
