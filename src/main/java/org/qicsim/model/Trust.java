package org.qicsim.model;

import java.util.List;
import org.qicsim.scenario.Behaviour;

/**
 * S10 Trust in the collaborative (MODEL.md §6 S10; EVIDENCE.md (a)7: "Trust is first and foremost";
 * Slovic's asymmetry: trust is lost faster than it is won). Trust moves toward the mean of the
 * feedback's credibility, its fairness (stable classes from report to report) and the relief of
 * data burden, rising at trustUp and falling at trustDown.
 */
final class Trust {
    private Trust() {
    }

    /**
     * A site loses trust at once by {@code amount}, never below 0: a report it rejects
     * ({@code rejectTrustDrop}, S5) or its gaming detected by the audit ({@code trustPenalty}, S2).
     * The one place outside the monthly update where trust is written.
     */
    static void lose(Community community, double amount) {
        community.trust = Math.max(0.0, community.trust - amount);
    }

    static double next(Behaviour.Community b, double trust, double credibility, double fairness, double burdenShare) {
        double signal = (credibility + fairness + (1.0 - burdenShare)) / 3.0;
        double rate = signal > trust ? b.trustUp() : b.trustDown();
        return trust + rate * (signal - trust);
    }

    /**
     * fair_j: the share of the last fairnessReports reports whose class (quintile under a league)
     * equals the previous report's; 1 until two reports.
     */
    static double fairness(List<Integer> classes, int reports) {
        int n = classes.size();
        if (n < 2) {
            return 1.0;
        }
        int first = Math.max(1, n - reports);
        int same = 0;
        for (int k = first; k < n; k++) {
            if (classes.get(k).equals(classes.get(k - 1))) {
                same++;
            }
        }
        return (double) same / (n - first);
    }
}
