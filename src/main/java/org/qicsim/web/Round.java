package org.qicsim.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.RunSpec;
import org.qicsim.experiment.Seeds;

/**
 * One design round of a session: its settings, the no-collaborative reference, each participant's
 * latest design and, once closed and every design has finished, the debrief and the results folder.
 *
 * <p>The round's {@link CounterfactualCache} is shared by all its designs (they share one world), and
 * the round holds one use of each replicate's counterfactual until it is finished, so a design
 * submitted late still finds it computed. Guarded by the session's lock.
 */
final class Round {

    enum Phase { OPEN, CLOSING, FINISHING, FINISHED, FAILED }

    private final int number;
    private final int replicates;
    private final double budget;
    private final Instant endsAt;
    private final long masterSeed;
    private final CounterfactualCache cache = new CounterfactualCache();
    private final Entry reference;
    private final Map<Integer, Entry> latest = new LinkedHashMap<>();
    private final Map<Integer, Integer> submissions = new LinkedHashMap<>();
    private Phase phase = Phase.OPEN;
    private Debrief debrief;
    private String failure;

    Round(int number, int replicates, double budget, Instant endsAt, long masterSeed, Entry reference) {
        this.number = number;
        this.replicates = replicates;
        this.budget = budget;
        this.endsAt = endsAt;
        this.masterSeed = masterSeed;
        this.reference = reference;
        for (int r = 0; r < replicates; r++) {
            cache.expect(pin(r).counterfactualKey(), 1);
        }
    }

    private RunSpec pin(int replicate) {
        return new RunSpec(reference.design(), replicate, Seeds.runSeed(masterSeed, replicate));
    }

    /** Lets the round's counterfactuals go once no design will need them. */
    void releaseCounterfactuals() {
        for (int r = 0; r < replicates; r++) {
            cache.release(pin(r));
        }
    }

    int number() {
        return number;
    }

    int replicates() {
        return replicates;
    }

    double budget() {
        return budget;
    }

    Instant endsAt() {
        return endsAt;
    }

    long masterSeed() {
        return masterSeed;
    }

    CounterfactualCache cache() {
        return cache;
    }

    Entry reference() {
        return reference;
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    boolean open() {
        return phase == Phase.OPEN;
    }

    Entry latest(Participant p) {
        return latest.get(p.number());
    }

    int submissions(Participant p) {
        return submissions.getOrDefault(p.number(), 0);
    }

    void submitted(Participant p, Entry entry) {
        latest.put(p.number(), entry);
        submissions.merge(p.number(), 1, Integer::sum);
    }

    /** Participants' latest designs in join order. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        latest.keySet().stream().sorted().forEach(k -> out.add(latest.get(k)));
        return out;
    }

    boolean anyPending() {
        if (reference.pending()) {
            return true;
        }
        for (Entry e : latest.values()) {
            if (e.pending()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The debrief as the pages receive it: the cost-effectiveness table of the designs played and
     * every attribution asked for in this round (progress, then results), oldest first; null until
     * the round has finished.
     */
    Map<String, Object> debrief() {
        return debrief == null ? null : debrief.view();
    }

    /** The finished round's debrief (its results folder, zip and attributions); null before. */
    Debrief finishedDebrief() {
        return debrief;
    }

    /** The round's results zip, with every attribution finished so far; null until finished. */
    Path zip() {
        return debrief == null ? null : debrief.zip();
    }

    String failure() {
        return failure;
    }

    void finished(Debrief debrief) {
        this.debrief = debrief;
        this.phase = Phase.FINISHED;
    }

    void failedToFinish(String message) {
        this.failure = message;
        this.phase = Phase.FAILED;
    }
}
