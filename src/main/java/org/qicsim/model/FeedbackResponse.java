package org.qicsim.model;

import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S5 Feedback and response (MODEL.md §6 S5): Clinical Performance Feedback Intervention Theory
 * (Brown et al. 2019) for whether a report is processed — interaction, perception, acceptance,
 * intention to act, one uniform against the product — Kluger &amp; DeNisi (1996) for the responses to
 * a negative gap, and Greve's (2003) aspirations, a mix of a social benchmark and the site's own
 * history. Credibility rests on rigorous measurement (risk and reliability adjustment, audit), the
 * clinical lead and the site's own reliability; threat grows with visibility of a bad rank and
 * punitive use of data (the community's, or a sanction on the site's own data while it is excluded after
 * a detected gaming, S2), and is buffered by psychological safety.
 */
final class FeedbackResponse {
    private FeedbackResponse() {
    }

    /**
     * The processed reports of one arm by the response they set (held by
     * {@link QicSimulation#responses}), for MODEL.md §9 responseShares.
     */
    static final class Tally {
        private final long[] byResponse = new long[Response.values().length];

        void count(Response response) {
            byResponse[response.ordinal()]++;
        }

        /** Reports processed: every response counted (summed in response order). */
        long processed() {
            long n = 0;
            for (long r : byResponse) {
                n += r;
            }
            return n;
        }

        /** The share of processed reports with {@code response}; NaN if none was processed. */
        double share(Response response) {
            long processed = processed();
            return processed == 0 ? Double.NaN : (double) byResponse[response.ordinal()] / processed;
        }
    }

    static void reports(QicSimulation sim, Month now, Measurement m, double[] reported, double benchmark) {
        Collaborative c = now.collaborative();
        boolean league = FeedbackDisplay.of(c.feedback().display()).ranks();
        int[] ranked = Measurement.rankAscending(m.measured, reported);
        int[] position = new int[sim.siteCount()];
        for (int k = 0; k < ranked.length; k++) {
            position[ranked[k]] = k;
        }
        int worst = Measurement.shareOf(ranked.length, 0.2);
        // Two passes: every site's report is made and announced to its policy before any site is asked
        // to decide, so that people answering for several sites (site mode) choose at the same time.
        // A decision changes only its own site's aspiration, trust and response, which no other
        // site's report or view reads, so the order changes no output.
        Pending[] pending = new Pending[m.measured.length];
        for (int k = 0; k < m.measured.length; k++) {
            int j = m.measured[k];
            int pos = position[j];
            boolean worstQuintile = pos >= ranked.length - worst;
            // League quintiles for fairness agree with badRank: the worst quintile is exactly quintile 5.
            int quintile = worstQuintile ? 5 : Math.min(4, pos * 5 / ranked.length + 1);
            pending[k] = report(sim, now, sim.sites[j], m, reported[j], league ? quintile : m.classes[j].ordinal(),
                    m.classes[j] == ReportClass.WORSE || (league && worstQuintile), benchmark);
        }
        for (Pending p : pending) {
            ResponsePolicy policy = sim.responsePolicy(p.site().index);
            apply(sim, p.site(), p.report(), policy.decide(p.report(), p.view(), p.draws()));
        }
    }

    /** A site's report of this cycle, announced to its policy and waiting for its decision. */
    private record Pending(Site site, Report report, LeaderView view, ResponsePolicy.Draws draws) {
    }

    /**
     * One site's report, followed from start to end (MODEL.md §6 S5, "Following a report"): the
     * centre's findings become a {@link Report} (standing, threat, credibility, aspiration and gap),
     * kept as the site's latest report; the site's {@link ResponsePolicy} answers it with a
     * {@link Decision}, given the {@link LeaderView} and the site's two feedback uniforms; then
     * {@link #apply} makes the decision's immediate effect and puts its response in force.
     */
    static Pending report(QicSimulation sim, Month now, Site s, Measurement m, double rate, int fairnessClass,
            boolean badRank, double benchmark) {
        Collaborative c = now.collaborative();
        Behaviour.Feedback bf = sim.scenario.behaviour().feedback();
        int j = s.index;
        Report previous = s.feedback.report;
        s.feedback.classHistory.add(fairnessClass);
        // A report carries the site's exclusion after a detected gaming (S2): a sanction on the
        // site's own data is a punitive use of them, and threatens as punitive data use does.
        double threat = sim.visibility() * (badRank ? 1.0 : 0.0)
                + DataUseStance.of(c.community().dataUse()).punitive()
                + (sim.centre.excluded(s) ? 1.0 : 0.0);
        double credibility = credibility(sim, c, m.reliability[j]);
        s.feedback.credibility = credibility;

        if (!s.feedback.hasAspiration) {
            s.feedback.aspiration = rate;
            s.feedback.hasAspiration = true;
        }
        double beta = bf.aspirationSocialWeight();
        double aspiration = beta * benchmark + (1.0 - beta) * s.feedback.aspiration;
        double se = m.standardError(j);
        double gap = se > 0 ? (rate - aspiration) / se : 0.0;
        gap = Math.max(-bf.gapClip(), Math.min(bf.gapClip(), gap));
        s.feedback.aspiration = bf.aspirationMemory() * s.feedback.aspiration + (1.0 - bf.aspirationMemory()) * rate;
        Report report = new Report(sim.centre.cycle(), now.month(), rate, fairnessClass, badRank, threat, credibility,
                benchmark, aspiration, gap);
        s.feedback.report = report;

        MonthlyKey r = sim.keys.of(Stream.FEEDBACK, j);
        // Both uniforms are drawn whatever happens, so paired designs decide with the same numbers.
        ResponsePolicy.Draws draws = new ResponsePolicy.Draws(r.nextDouble(), r.nextDouble());
        LeaderView view = view(sim, now, s, report, previous);
        sim.responsePolicy(j).announce(report, view, draws);
        return new Pending(s, report, view, draws);
    }

    /** What the site's leader sees besides the report, with the model's processing probability and utilities. */
    static LeaderView view(QicSimulation sim, Month now, Site s, Report report, Report previous) {
        Behaviour.Response br = sim.scenario.behaviour().response();
        double gap = report.gap();
        double burden = sim.burdenShare(s);
        return new LeaderView(previous.exists() ? previous.gap() : Double.NaN, s.feedback.response,
                s.community.trust, s.community.safety, s.drive.intrinsic, s.drive.effort(), s.endowment.capacity(),
                burden, s.champion.presence(),
                processingProbability(sim, now, s, report),
                br.learnGap() * gap + s.endowment.capacity() + s.drive.intrinsic + s.community.safety,
                br.lowerGap() * gap - br.lowerMotivation() * s.drive.intrinsic,
                (1.0 - report.credibility()) + report.threat(),
                report.threat() + burden - s.community.trust + br.withdrawIntercept());
    }

    /**
     * A decision's immediate effect (lower: the aspiration moves toward the reported rate; reject:
     * trust falls) and, when processed, its response becomes the one in force with the report's gap.
     * An unprocessed report leaves the response in force as it was.
     */
    static void apply(QicSimulation sim, Site s, Report report, Decision decision) {
        if (!decision.processed()) {
            return;
        }
        Response response = decision.response();
        Behaviour.Response br = sim.scenario.behaviour().response();
        switch (response) {
            case LOWER -> s.feedback.aspiration += br.lowerShift() * (report.rate() - s.feedback.aspiration);
            case REJECT -> Trust.lose(s.community, br.rejectTrustDrop());
            case LEARN, WITHDRAW, MAINTAIN -> {
                // No immediate effect: learn and withdraw act while in force (effort in MonthlyUpdate,
                // exit in Participation); maintain changes nothing.
            }
        }
        s.feedback.response = response;
        s.feedback.responseGap = report.believedGap();
        sim.responses.count(response);
    }

    /** P_int·P_perc·P_acc·P_act. */
    static double processingProbability(QicSimulation sim, Month now, Site s, Report report) {
        Collaborative c = now.collaborative();
        Behaviour.Feedback bf = sim.scenario.behaviour().feedback();
        double qc = sim.coordinationQuality();
        double pInt = Logistic.sigma(bf.intBase() + bf.intChampion() * s.champion.presence()
                + bf.intClinicianLed() * (c.leadership().clinicianLed() ? 1 : 0) - bf.intBurden() * sim.burdenShare(s));
        double pPerc = Logistic.sigma(bf.percBase() + bf.percQc() * qc
                + bf.percDisplay() * (FeedbackDisplay.of(c.feedback().display()).ranks() ? 0 : 1));
        double pAcc = Logistic.sigma(bf.accBase() + bf.accCred() * report.credibility()
                + bf.accTrust() * s.community.trust - bf.accThreat() * report.threat() * (1.0 - s.community.safety));
        double pAct = Logistic.sigma(bf.actBase() + bf.actActionability() * actionability(sim, now, s)
                + bf.actCapacity() * s.endowment.capacity());
        return pInt * pPerc * pAcc * pAct;
    }

    /** Mean of [Vis_j ≠ ∅], Qc·[actionPlanning], [∃i: z_i ≠ 0]. */
    static double actionability(QicSimulation sim, Month now, Site s) {
        double visible = Visibility.anyVisible(sim, now, s) ? 1.0 : 0.0;
        double planning = now.collaborative().coordination().actionPlanning() ? sim.coordinationQuality() : 0.0;
        double advice = sim.centre.changePackage().isEmpty() ? 0.0 : 1.0;
        return ProcessIndicator.actionability(sim, now, s, (visible + planning + advice) / 3.0);
    }

    /**
     * Cred_j = riskAdj·ρ + reliabilityAdj·[reliabilityAdjustment] + audit·min(1, auditRate/auditReference)
     * + lead·Kcc·[clinicianLed] + reliability·R_j: a collaborative not led by clinicians has no clinical lead
     * whose credibility the report carries (Ivers et al. 2012: feedback from a supervisor or respected
     * colleague changes practice more; docs/MODEL.md §10 item 74).
     */
    static double credibility(QicSimulation sim, Collaborative c, double reliability) {
        Behaviour.Credibility bc = sim.scenario.behaviour().credibility();
        return bc.riskAdj() * Measurement.Settings.slopeShare(c.measurement().riskAdjustment())
                + bc.reliabilityAdj() * (c.measurement().reliabilityAdjustment() ? 1 : 0)
                + bc.audit() * Math.min(1.0, c.measurement().auditRate() / bc.auditReference())
                + bc.lead() * (c.leadership().clinicianLed() ? c.leadership().clinicalLeadCredibility() : 0.0)
                + bc.reliability() * reliability;
    }

    /** The multinomial-logit choice among LEARN, LOWER, REJECT, WITHDRAW by one uniform. */
    static Response pick(double[] utility, double uniform) {
        double[] share = shares(utility);
        Response[] options = {Response.LEARN, Response.LOWER, Response.REJECT, Response.WITHDRAW};
        double cumulative = 0.0;
        for (int k = 0; k < options.length; k++) {
            cumulative += share[k];
            if (uniform < cumulative) {
                return options[k];
            }
        }
        return options[options.length - 1];
    }

    /** The multinomial-logit shares of the utilities, e^(u_k − max) / Σ e^(u_i − max). */
    static double[] shares(double[] utility) {
        double max = Double.NEGATIVE_INFINITY;
        for (double u : utility) {
            max = Math.max(max, u);
        }
        double[] share = new double[utility.length];
        double total = 0.0;
        for (int k = 0; k < utility.length; k++) {
            share[k] = StrictMath.exp(utility[k] - max);
            total += share[k];
        }
        for (int k = 0; k < share.length; k++) {
            share[k] /= total;
        }
        return share;
    }
}
