package org.qicsim.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qicsim.experiment.Seeds;
import org.qicsim.model.ArmTrace;
import org.qicsim.model.Decision;
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
 * <p>The feedback step announces every site's report of a cycle before it asks any site to decide
 * ({@link ResponsePolicy#announce}), so all participants of one cycle see their reports and choose at
 * the same time; the run goes on when all have chosen or the timer has run out. Before the played run the thread makes the
 * model-only run of the same seed: it tells which sites are members at launch (participants get
 * them by join order, lowest site index first) and is the debrief's "what the model would have
 * done". Every method but the run itself is synchronised on this object.
 */
final class SiteRound {
    private static final Logger LOG = Logger.getLogger(SiteRound.class.getName());

    static final int MIN_CYCLE_SECONDS = 1;
    static final int MAX_CYCLE_SECONDS = 600;

    /** What a participant may answer: the Decision's responses, and ignoring the report. */
    static final List<String> CHOICES = List.of("learn", "lower", "reject", "withdraw", "maintain", "ignore");

    enum Phase { STARTING, RUNNING, FINISHED, STOPPED, FAILED }

    /** One participant's hospital and what happened at its reports. */
    static final class Player {
        final Participant participant;
        int site = -1;
        Ask pending;
        Decision answer;
        final List<Choice> choices = new ArrayList<>();

        Player(Participant participant) {
            this.participant = participant;
        }
    }

    /** A report waiting for its participant's answer. */
    record Ask(Report report, LeaderView view, Decision model, boolean league, Instant deadline) {
    }

    /** One answered report: who chose, what, and what the model's rule chose for the same draws. */
    record Choice(Report report, Decision chosen, Decision model, String by) {
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
    private final long runSeed;
    private final Duration cycle;
    private final List<Player> players = new ArrayList<>();
    private final Thread thread;
    private Phase phase = Phase.STARTING;
    private boolean ending;
    private String failure;
    private RunResult modelOnly;
    private RunResult played;
    private int[] members = new int[0];
    /** The latest feedback cycle and month a participant was asked about (0 before any). */
    private int cycleNow;
    private int monthNow;

    SiteRound(int number, ResolvedScenario scenario, long masterSeed, List<Participant> participants,
            Duration cycle, String room) {
        this.number = number;
        this.scenario = scenario;
        this.runSeed = Seeds.runSeed(masterSeed, 0);
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
            synchronized (this) {
                played = result;
                phase = Phase.FINISHED;
                notifyAll();
            }
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
        };
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
            player.choices.add(new Choice(report, model, model, "model (round ended)"));
            return model;
        }
        try {
            while (player.answer == null && !ending && phase != Phase.STOPPED) {
                long left = Duration.between(Instant.now(), ask.deadline()).toMillis();
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        } finally {
            player.pending = null;
        }
        if (phase == Phase.STOPPED) {
            throw new Stopped();
        }
        Decision answer = player.answer;
        player.answer = null;
        if (answer == null) {
            player.choices.add(new Choice(report, model, model, ending ? "model (round ended)" : "model (timer)"));
            return model;
        }
        player.choices.add(new Choice(report, answer, model, "you"));
        return answer;
    }

    /** A participant's answer to their pending report. */
    synchronized void answer(Participant participant, String choice) {
        Decision decision = decision(choice);
        Player player = player(participant);
        if (player == null || player.site < 0) {
            throw ApiException.conflict("you lead no hospital in this round");
        }
        if (player.pending == null) {
            throw ApiException.conflict("your hospital has no report waiting for an answer");
        }
        player.answer = decision;
        notifyAll();
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
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> choosing = new ArrayList<>();
        for (Player p : players) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.participant.name());
            row.put("site", p.site < 0 ? null : p.site + 1);
            row.put("answered", p.choices.size());
            row.put("byYou", p.choices.stream().filter(c -> c.by().equals("you")).count());
            row.put("status", phase == Phase.STARTING ? "waiting" : p.site < 0 ? "watching" : p.pending != null ? (p.answer != null ? "chosen" : "choosing")
                    : "waiting");
            if (p.pending != null) {
                if (p.answer == null) {
                    choosing.add(p.participant.name());
                }
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
        List<Map<String, Object>> history = new ArrayList<>();
        for (Choice c : p.choices) {
            history.add(choice(c));
        }
        out.put("history", history);
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
        double[] u = {v.learnUtility(), v.lowerUtility(), v.rejectUtility(), v.withdrawUtility()};
        double max = Double.NEGATIVE_INFINITY;
        for (double x : u) {
            max = Math.max(max, x);
        }
        double total = 0;
        double[] w = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            w[k] = StrictMath.exp(u[k] - max);
            total += w[k];
        }
        Map<String, Object> lean = new LinkedHashMap<>();
        String[] names = {"learn", "lower", "reject", "withdraw"};
        for (int k = 0; k < u.length; k++) {
            lean.put(names[k], JsonNumbers.finite(w[k] / total));
        }
        out.put("leanings", r.gap() > 0 ? lean : null);
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
            row.put("lastYearRate", JsonNumbers.finite(lastYear(played.factual(), p.site)));
            row.put("lastYearRateModel", JsonNumbers.finite(lastYear(modelOnly.factual(), p.site)));
            row.put("lastYearRateNoCollaborative", JsonNumbers.finite(lastYear(played.counterfactual(), p.site)));
            rows.add(row);
        }
        return rows;
    }
}
