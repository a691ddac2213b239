package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qicsim.scenario.ResolvedScenario;

/**
 * The site's one interface for its leader's choices (MODEL.md §6 S5 "Following a report", S2
 * "Gaming decision", S7 "Learning"): the model's default policy reproduces the built-in runs, and a
 * policy planted for one site changes that site's path only from its first report (or its first
 * gaming decision, or its first choice between copying and exploring) on.
 */
class ResponsePolicyTest {
    private static final long RUN_SEED = 0xFEEDL;

    private static ResolvedScenario scenario() {
        return TestScenarios.resolved("sites.count=20", "horizonMonths=48");
    }

    /**
     * A policy that only delegates to {@link ResponsePolicy#model()} gives bit-identical traces and
     * metrics to the default run, it is asked about real reports, and the run counts exactly the
     * reports it processed.
     */
    @Test
    void theModelPolicyThroughTheInterfaceReproducesTheDefaultRun() {
        ResolvedScenario s = scenario();
        Run.Counterfactual cf = Run.counterfactual(s.scenario(), s::collaborativeAt, RUN_SEED);
        RunResult plain = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf);
        List<Decision> decisions = new ArrayList<>();
        ResponsePolicy spy = (report, view, draws) -> {
            assertThat(report.exists()).isTrue();
            Decision d = ResponsePolicy.model().decide(report, view, draws);
            decisions.add(d);
            return d;
        };
        RunResult viaSpy = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf, j -> spy);
        assertThat(decisions).isNotEmpty();
        assertThat(viaSpy.factual().processedReports())
                .isEqualTo(decisions.stream().filter(Decision::processed).count());
        assertSameMonths(plain.factual(), viaSpy.factual(), plain.factual().months());
        for (String metric : List.of("finalRate", "eventsAverted", "responseShares.learn", "retention")) {
            assertThat(viaSpy.metric(metric)).as(metric).isEqualTo(plain.metric(metric));
        }
    }

    /**
     * Planting "always withdraw" for the first site that is a member at the launch: every site's
     * effort, compliance, true rate, cases and events are bit-identical in every month before that
     * site's first report, and the site's effort differs in some month from then on.
     */
    @Test
    void aPlantedPolicyChangesItsSiteFromItsFirstReportOnly() {
        ResolvedScenario s = scenario();
        Run.Counterfactual cf = Run.counterfactual(s.scenario(), s::collaborativeAt, RUN_SEED);
        RunResult plain = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf);
        int planted = -1;
        for (int j = 0; j < plain.factual().sites() && planted < 0; j++) {
            if (plain.factual().memberAtStart(j)) {
                planted = j;
            }
        }
        assertThat(planted).as("a member at the launch").isGreaterThanOrEqualTo(0);
        int[] firstReport = {-1};
        int site = planted;
        ResponsePolicy withdraw = (report, view, draws) -> {
            if (firstReport[0] < 0) {
                firstReport[0] = report.month();
            }
            return Decision.respond(Response.WITHDRAW);
        };
        RunResult changed = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf,
                j -> j == site ? withdraw : ResponsePolicy.model());
        assertThat(firstReport[0]).as("the planted site got a report").isGreaterThanOrEqualTo(s.scenario().startMonth());
        assertSameMonths(plain.factual(), changed.factual(), firstReport[0]);
        boolean differs = false;
        for (int t = firstReport[0]; t < plain.factual().months(); t++) {
            differs |= plain.factual().effort(t, site) != changed.factual().effort(t, site);
        }
        assertThat(differs).as("the planted site's effort changes after its first report").isTrue();
    }

    /**
     * Gaming and imitation through the interface: a policy that overrides both and only delegates to
     * the model's gives bit-identical months and metrics; every member's gaming decision of a year is
     * announced before any is asked; both are asked about real choices (the scenario games and imitates).
     */
    @Test
    void theModelsGamingAndImitationThroughTheInterfaceReproduceTheDefaultRun() {
        ResolvedScenario s = scenario();
        Run.Counterfactual cf = Run.counterfactual(s.scenario(), s::collaborativeAt, RUN_SEED);
        RunResult plain = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf);
        List<String> calls = new ArrayList<>();
        int[] games = {0};
        int[] imitations = {0};
        ResponsePolicy model = ResponsePolicy.model();
        ResponsePolicy spy = new ResponsePolicy() {
            @Override
            public Decision decide(Report report, LeaderView view, Draws draws) {
                return model.decide(report, view, draws);
            }

            @Override
            public void announceGaming(GamingChoice choice, double uniform) {
                calls.add("announce " + choice.month());
            }

            @Override
            public boolean game(GamingChoice choice, double uniform) {
                calls.add("game " + choice.month());
                boolean g = model.game(choice, uniform);
                games[0] += g ? 1 : 0;
                return g;
            }

            @Override
            public boolean imitate(ImitationChoice choice, double uniform) {
                assertThat(choice.differingPractices()).isPositive();
                boolean i = model.imitate(choice, uniform);
                imitations[0] += i ? 1 : 0;
                return i;
            }
        };
        RunResult viaSpy = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf, j -> spy);
        assertThat(games[0]).as("some site games").isPositive();
        assertThat(imitations[0]).as("some site imitates").isPositive();
        assertSameMonths(plain.factual(), viaSpy.factual(), plain.factual().months());
        assertThat(viaSpy.metrics()).isEqualTo(plain.metrics());
        for (int j = 0; j < plain.factual().sites(); j++) {
            assertThat(viaSpy.siteRow(j)).isEqualTo(plain.siteRow(j));
        }
        // Within each yearly decision month, every announcement comes before the first question.
        assertThat(calls).isNotEmpty();
        for (String call : calls) {
            String month = call.substring(call.indexOf(' '));
            assertThat(calls.lastIndexOf("announce" + month)).as("announcements of month" + month)
                    .isLessThan(calls.indexOf("game" + month));
        }
    }

    /**
     * Planting "always game" for the first member at the launch: every site is bit-identical in
     * every month up to the first gaming decision (the launch), and the planted site games (its
     * site row's gamingEver is true where the model's site never gamed, or differs otherwise).
     */
    @Test
    void aPlantedGamingChoiceChangesItsSiteFromTheLaunchOnly() {
        ResolvedScenario s = scenario();
        Run.Counterfactual cf = Run.counterfactual(s.scenario(), s::collaborativeAt, RUN_SEED);
        RunResult plain = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf);
        int site = firstMember(plain);
        ResponsePolicy gamer = new ResponsePolicy() {
            @Override
            public Decision decide(Report report, LeaderView view, Draws draws) {
                return ResponsePolicy.model().decide(report, view, draws);
            }

            @Override
            public boolean game(GamingChoice choice, double uniform) {
                return true;
            }
        };
        RunResult changed = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf,
                j -> j == site ? gamer : ResponsePolicy.model());
        // Gaming decided at the launch acts on the records from the next month.
        assertSameMonths(plain.factual(), changed.factual(), s.scenario().startMonth() + 1);
        Object[] row = changed.siteRow(site);
        assertThat(row[row.length - 1]).as("gamingEver").isEqualTo(true);
        assertThat(row).isNotEqualTo(plain.siteRow(site));
    }

    /**
     * Planting "always explore" (never copy a positive deviant) for every site: bit-identical before
     * the launch month, no imitation at all, and some site's compliance differs from the launch on,
     * since the model's sites do imitate here.
     */
    @Test
    void aPlantedEffortChoiceChangesTheSitesThatWouldHaveCopied() {
        ResolvedScenario s = scenario();
        Run.Counterfactual cf = Run.counterfactual(s.scenario(), s::collaborativeAt, RUN_SEED);
        RunResult plain = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf);
        ResponsePolicy explorer = new ResponsePolicy() {
            @Override
            public Decision decide(Report report, LeaderView view, Draws draws) {
                return ResponsePolicy.model().decide(report, view, draws);
            }

            @Override
            public boolean imitate(ImitationChoice choice, double uniform) {
                return false;
            }
        };
        RunResult changed = Run.execute(s.scenario(), s::collaborativeAt, RUN_SEED, cf, j -> explorer);
        // Learning runs from the launch month on (and that month's fidelity phase reads its bundles).
        assertSameMonths(plain.factual(), changed.factual(), s.scenario().startMonth());
        assertThat(plain.metric("imitations")).isPositive();
        assertThat(changed.metric("imitations")).isZero();
        boolean differs = false;
        for (int t = s.scenario().startMonth(); t < plain.factual().months(); t++) {
            for (int j = 0; j < plain.factual().sites(); j++) {
                differs |= plain.factual().compliance(t, j) != changed.factual().compliance(t, j);
            }
        }
        assertThat(differs).isTrue();
    }

    private static int firstMember(RunResult r) {
        for (int j = 0; j < r.factual().sites(); j++) {
            if (r.factual().memberAtStart(j)) {
                return j;
            }
        }
        throw new AssertionError("no member at the launch");
    }

    /** The model's rule on hand-made inputs: unprocessed above the probability, maintain at D ≤ 0 or NaN. */
    @Test
    void theModelRuleProcessesByTheFirstUniformAndMaintainsWithoutAGap() {
        LeaderView view = new LeaderView(Double.NaN, Response.MAINTAIN, 0.5, 0.5, 0.5, 0.3, 0.5, 0.0, 0.0, 0.4,
                2.0, 0.0, 0.0, 0.0);
        ResponsePolicy model = ResponsePolicy.model();
        assertThat(model.decide(report(1.0), view, new ResponsePolicy.Draws(0.4, 0.0)))
                .isEqualTo(Decision.NOT_PROCESSED);
        assertThat(model.decide(report(0.0), view, new ResponsePolicy.Draws(0.39, 0.0)))
                .isEqualTo(Decision.respond(Response.MAINTAIN));
        assertThat(model.decide(report(Double.NaN), view, new ResponsePolicy.Draws(0.39, 0.0)))
                .isEqualTo(Decision.respond(Response.MAINTAIN));
        assertThat(model.decide(report(1.0), view, new ResponsePolicy.Draws(0.39, 0.0)))
                .isEqualTo(Decision.respond(Response.LEARN));
        assertThat(model.decide(report(1.0), view, new ResponsePolicy.Draws(0.39, 0.999999)))
                .isEqualTo(Decision.respond(Response.WITHDRAW));
    }

    private static Report report(double gap) {
        return new Report(1, 12, 0.1, 1, false, 0.0, 0.5, 0.1, 0.1, gap);
    }

    private static void assertSameMonths(ArmTrace a, ArmTrace b, int months) {
        for (int t = 0; t < months; t++) {
            for (int j = 0; j < a.sites(); j++) {
                assertThat(b.effort(t, j)).as("effort t=%d j=%d", t, j).isEqualTo(a.effort(t, j));
                assertThat(b.compliance(t, j)).as("compliance t=%d j=%d", t, j).isEqualTo(a.compliance(t, j));
                assertThat(b.trsr(t, j)).as("trsr t=%d j=%d", t, j).isEqualTo(a.trsr(t, j));
                assertThat(b.siteCases(t, j)).as("cases t=%d j=%d", t, j).isEqualTo(a.siteCases(t, j));
                assertThat(b.siteEvents(t, j)).as("events t=%d j=%d", t, j).isEqualTo(a.siteEvents(t, j));
            }
        }
    }
}
