package org.qicsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;

/** What {@code --dry-run} prints: the designs, the runs, the counterfactuals and a time estimate. */
final class DryRun {
    /**
     * Site-months simulated per second per thread. After the fourth round of issue 11 one
     * michigan-cqi run with its counterfactual (5,760 site-months) took 20.6 ms in one JMH run
     * ({@code LimitBoundBenchmark.michiganRun}, README "Engine benchmarks") on the 2-core reference
     * machine at load 1.2, i.e. about 280,000 site-months/s (the third round's 220,000 divided by
     * this round's CPU ratio 0.71 would give 310,000; the directly measured figure is used).
     */
    static final double SITE_MONTHS_PER_SECOND = 280_000;

    private DryRun() {
    }

    static void print(PrintWriter out, Experiment experiment, int threads) {
        double siteMonths = 0;
        for (DesignSpec d : experiment.designs()) {
            var s = d.scenario().scenario();
            out.printf(Locale.ROOT, "design %d %s (%s): %d sites, %d months, world %s%n", d.point(), d.name(),
                    d.scenario().hash8(), s.sites().count(), s.horizonMonths(), d.scenario().worldSha256().substring(0, 8));
            siteMonths += (double) s.sites().count() * s.horizonMonths() * experiment.replications();
        }
        long counterfactuals = experiment.counterfactualsNeeded();
        var first = experiment.designs().get(0).scenario().scenario();
        siteMonths += (double) counterfactuals * first.sites().count() * first.horizonMonths();
        double seconds = siteMonths / (SITE_MONTHS_PER_SECOND * Math.max(1, threads));
        out.printf(Locale.ROOT, "%d runs (%d replicates, master seed %d), %d counterfactual arms%n",
                experiment.runs().size(), experiment.replications(), experiment.masterSeed(), counterfactuals);
        out.printf(Locale.ROOT, "estimated time on %d thread%s: about %s%n", threads, threads == 1 ? "" : "s",
                duration(seconds));
    }

    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
