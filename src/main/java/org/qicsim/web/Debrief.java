package org.qicsim.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debrief of a finished round, of either kind: the round's results folder and its zip, the
 * cost-effectiveness of its designs against no collaborative ({@link CostEffectivenessTable}), the
 * designs that may be attributed, and every five-feature attribution asked for
 * ({@link AttributionTask}, run by {@link Workshop#attribute}). A design round attributes any
 * participant's design with the round's replicates; a site round attributes the room's design (the
 * collaborative every hospital played in, with every hospital following the model) with the
 * replicates the facilitator chooses. Thread-safe: attributions finish on their own thread while
 * pages poll.
 */
final class Debrief {

    /**
     * A design of the results folder that may be attributed.
     *
     * @param design  its number in the results folder ({@code designs/<design>-…})
     * @param label   its folder label, e.g. {@code 3-p02} or {@code 2-model}
     * @param name    what the pages call it
     * @param levers  the levers it was played with (the room's scenario for none)
     */
    record Attributable(int design, String label, String name, Map<String, Object> levers) {
    }

    private final Map<String, Object> costEffectiveness;
    private final Path folder;
    private final long masterSeed;
    private final int replicates;
    private final boolean replicatesChosen;
    private final List<Attributable> attributable;
    private final List<AttributionTask> attributions = new ArrayList<>();
    private Path zip;

    /**
     * @param costEffectiveness the table of {@link CostEffectivenessTable#of}
     * @param folder            the round's results folder (attributions are added inside it)
     * @param zip               its first zip
     * @param masterSeed        the round's master seed (attributions run under it)
     * @param replicates        the replicates of an attribution, or the default the page offers
     *     when {@code replicatesChosen}
     * @param replicatesChosen  whether the facilitator chooses an attribution's replicates (a site
     *     round, whose designs ran once each) or they are the round's (a design round)
     */
    Debrief(Map<String, Object> costEffectiveness, Path folder, Path zip, long masterSeed, int replicates,
            boolean replicatesChosen, List<Attributable> attributable) {
        this.costEffectiveness = new LinkedHashMap<>(costEffectiveness);
        this.folder = folder;
        this.zip = zip;
        this.masterSeed = masterSeed;
        this.replicates = replicates;
        this.replicatesChosen = replicatesChosen;
        this.attributable = List.copyOf(attributable);
    }

    Path folder() {
        return folder;
    }

    long masterSeed() {
        return masterSeed;
    }

    /** The replicates of an attribution: the round's, or (when chosen) the page's default. */
    int replicates() {
        return replicates;
    }

    boolean replicatesChosen() {
        return replicatesChosen;
    }

    List<Attributable> attributable() {
        return attributable;
    }

    /** The attributable design with this number, or null. */
    Attributable attributable(int design) {
        for (Attributable a : attributable) {
            if (a.design() == design) {
                return a;
            }
        }
        return null;
    }

    synchronized Path zip() {
        return zip;
    }

    /** A newer zip of the folder (after an attribution was added to it). */
    synchronized void zip(Path newer) {
        this.zip = newer;
    }

    synchronized List<AttributionTask> attributions() {
        return List.copyOf(attributions);
    }

    synchronized void add(AttributionTask task) {
        attributions.add(task);
    }

    /**
     * What the pages receive: the cost-effectiveness table, the designs that may be attributed, and
     * every attribution asked for (progress, then results), oldest first.
     */
    synchronized Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>(costEffectiveness);
        List<Map<String, Object>> designs = new ArrayList<>();
        for (Attributable a : attributable) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("design", a.design());
            d.put("name", a.name());
            designs.add(d);
        }
        out.put("attributable", designs);
        out.put("attributionReplicates", replicates);
        out.put("attributionReplicatesChosen", replicatesChosen);
        List<Map<String, Object>> list = new ArrayList<>();
        for (AttributionTask t : attributions) {
            list.add(t.view());
        }
        out.put("attributions", list);
        return out;
    }
}
