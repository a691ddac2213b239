package org.qicsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.BitSet;
import java.util.Locale;
import java.util.logging.Logger;
import org.qicsim.experiment.ExperimentSession;
import org.qicsim.experiment.sweep.AdaptiveReplication;
import org.qicsim.experiment.sweep.ExperimentFile;
import org.qicsim.experiment.sweep.Shard;
import org.qicsim.experiment.sweep.SweepPlan;
import org.qicsim.results.Manifest;
import java.nio.file.Path;
import org.qicsim.results.UserInputException;
import org.qicsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Which runs {@code qicsim sweep} does: every run, one shard's ({@code --shard i/N}), and/or the
 * rounds of adaptive replication ({@code --target-ci}, {@code --max-reps}). Recorded in the
 * manifest ({@code shard}, {@code adaptive}) so that {@code --resume} and {@code qicsim merge}
 * find them again.
 *
 * <p>With both, shards take whole world groups ({@link Shard#wholeGroupPoints}) rather than
 * (world group, replicate) units, since a point's rounds depend on all its replicates; an
 * experiment with fewer world groups than shards is refused.
 */
final class SweepScope {
    private static final Logger LOG = Logger.getLogger(SweepScope.class.getName());
    static final String SHARD = "shard";
    static final String ADAPTIVE = "adaptive";

    private final Shard shard;
    private final AdaptiveReplication.Target target;
    private final Integer maxReps;
    private AdaptiveReplication adaptive;

    private SweepScope(Shard shard, AdaptiveReplication.Target target, Integer maxReps) {
        this.shard = shard;
        this.target = target;
        this.maxReps = maxReps;
    }

    /** From the command line's options. */
    static SweepScope parse(CommandLine cl, String shardText, String targetText, Integer maxReps) {
        try {
            Shard shard = shardText == null ? null : Shard.parse(shardText);
            AdaptiveReplication.Target target = targetText == null ? null : AdaptiveReplication.Target.parse(targetText);
            if (maxReps != null && target == null) {
                throw new IllegalArgumentException("--max-reps caps adaptive replication; it needs --target-ci");
            }
            if (maxReps != null && maxReps < 2) {
                throw new IllegalArgumentException("--max-reps must be at least 2, was " + maxReps);
            }
            return new SweepScope(shard, target, maxReps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage(), e);
        }
    }

    /** As the manifest of a folder being resumed records it. */
    static SweepScope recorded(Manifest manifest, Path folder) {
        Shard shard = null;
        AdaptiveReplication.Target target = null;
        Integer cap = null;
        try {
            if (manifest.extra().get(SHARD) instanceof JsonNode s && s.isObject()) {
                shard = new Shard(s.path("index").asInt(-1), s.path("count").asInt(0));
            }
            if (manifest.extra().get(ADAPTIVE) instanceof JsonNode a && a.isObject()) {
                target = AdaptiveReplication.Target.parse(a.path("targetCi").asText(""));
                cap = a.path("maxReplications").asInt(0);
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(folder + ": its manifest's " + (target == null ? SHARD : ADAPTIVE)
                    + " entry cannot be read: " + e.getMessage(), e);
        }
        return new SweepScope(shard, target, cap);
    }

    Shard shard() {
        return shard;
    }

    /** The same adaptive replication over every point: what the merged shards hold. */
    SweepScope unsharded() {
        return new SweepScope(null, target, maxReps);
    }

    /** Whether adaptive replication is on. */
    boolean adaptive() {
        return target != null;
    }

    /** The plan of the first (or only) round: this shard's runs, or every point's first replicates. */
    SweepPlan plan(ExperimentFile experiment, int threads) throws ScenarioException, InterruptedException {
        if (target == null) {
            SweepPlan plan = SweepPlan.of(experiment, threads);
            return shard == null ? plan : plan.withPlanned(shard.runs(plan));
        }
        int initial = experiment.replications();
        int cap = maxReps != null ? maxReps : (int) Math.min(Integer.MAX_VALUE / 2, 10L * initial);
        if (initial < 2 || cap < initial) {
            throw new UserInputException(initial < 2
                    ? "--target-ci needs at least 2 replicates in the first round (a CI needs two values); "
                            + experiment.file() + " has replications: " + initial
                    : "--max-reps " + cap + " is below the experiment's replications (" + initial + ")");
        }
        SweepPlan plan = SweepPlan.of(experiment, threads, cap);
        BitSet points;
        try {
            points = shard == null ? null : shard.wholeGroupPoints(plan);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        adaptive = new AdaptiveReplication(target, initial, cap, plan.points(), points);
        return plan.withPlanned(adaptive.planned(plan));
    }

    /**
     * After a complete round of adaptive replication: decides the next from the stored rows and
     * moves the session to it.
     *
     * @param plan the plan of the rounds so far, the session's
     * @return the plan with the next round, or null when there is none
     */
    SweepPlan nextRound(ExperimentSession session, SweepPlan plan) throws IOException {
        if (adaptive == null || !adaptive.decide(plan, session)) {
            return null;
        }
        SweepPlan next = plan.withPlanned(adaptive.planned(plan));
        session.replan(next);
        LOG.info(String.format(Locale.ROOT, "adaptive replication: round %d, %d runs planned, %d to run",
                adaptive.round(), next.plannedCount(), session.remaining()));
        return next;
    }

    /** Adds the scope to the manifest: {@code shard} and {@code adaptive} (rounds and stops so far). */
    Manifest describe(Manifest manifest, SweepPlan plan) {
        Manifest m = manifest;
        if (shard != null) {
            var entry = shard.describe();
            entry.put("runs", plan.plannedCount());
            if (adaptive != null) {
                entry.put("split", "whole world groups");
            }
            m = m.withExtra(SHARD, entry);
        }
        if (adaptive != null) {
            m = m.withExtra(ADAPTIVE, adaptive.describe()).withExtra("runs", plan.plannedCount());
        }
        return m;
    }

    /** Sums two rounds' outcomes: the second's stored and total, both's work. */
    static ExperimentSession.Outcome add(ExperimentSession.Outcome before, ExperimentSession.Outcome round) {
        return before == null ? round : before.then(round);
    }

    void printDryRun(PrintWriter out, SweepPlan plan) {
        if (shard != null) {
            out.printf(Locale.ROOT, "shard %s: %d of the %d runs%s%n", shard, plan.plannedCount(), plan.runs(),
                    adaptive != null ? " of the first round (whole world groups)" : "");
        }
        if (adaptive != null) {
            out.printf(Locale.ROOT, "adaptive replication %s: the first round runs %d runs; points get more "
                    + "replicates, up to %d, until the target is met%n", target, plan.plannedCount(), adaptive.cap());
        }
    }

    void printSummary(PrintWriter out) {
        if (shard != null) {
            out.println("shard " + shard + ": join the shards with qicsim merge FOLDER...");
        }
        if (adaptive != null) {
            out.println(adaptive.summary());
        }
    }
}
