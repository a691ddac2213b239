package org.qicsim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qicsim.analysis.Estimate;
import org.qicsim.analysis.Estimates;
import org.qicsim.analysis.attribution.AttributionRow;
import org.qicsim.analysis.attribution.FeatureAttribution;
import org.qicsim.analysis.cea.CeaResult;
import org.qicsim.analysis.cea.CostEffectiveness;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;

/**
 * {@code qicsim attribute}: the 2^n on/off combinations of the features in a features file
 * (docs/MODEL.md §13) as one experiment under common random numbers, and what each feature
 * contributes (docs/DECISIONS.md "Attribution"). Design {@code mask} (0 ≤ mask < 2^n) has feature i
 * on when bit i is set, so design 0 has every feature off and design 2^n − 1 is the scenario as
 * written; its point id is {@code mask + 1}. Every design changes only {@code collaborative.*} keys,
 * so all share one world and one counterfactual arm per replicate.
 */
public final class Attribution {

    /** The metrics attributed, in output order. */
    public static final List<String> METRICS = List.of("eventsAverted", "finalRate", "costTotal",
            "netMonetaryBenefit");
    /** The comparator name of the cost-effectiveness rows against a run's own counterfactual. */
    public static final String NO_COLLABORATIVE = "noCollaborative";
    /** The design name of the scenario as written (every feature on). */
    public static final String ALL_ON = "allOn";

    private final Features features;
    private final List<DesignSpec> designs;
    private final Experiment experiment;

    private Attribution(Features features, List<DesignSpec> designs, Experiment experiment) {
        this.features = features;
        this.designs = List.copyOf(designs);
        this.experiment = experiment;
    }

    /**
     * Plans the 2^n designs of {@code scenarioFile} with {@code overrides} (which should fix the
     * master seed and replications, so every design resolves to the same ones).
     */
    public static Attribution plan(Features features, Path scenarioFile, List<KeyOverride> overrides)
            throws ScenarioException {
        return plan(features, scenarioFile, overrides, null);
    }

    /**
     * The set of features switched off in design {@code index} (0-based; bit i set = feature i on),
     * as {@link #plan} resolves it.
     */
    public static Set<String> off(List<String> ids, int index) {
        Set<String> off = new TreeSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if ((index & (1 << i)) == 0) {
                off.add(ids.get(i));
            }
        }
        return off;
    }

    /**
     * As {@link #plan(Features, Path, List)}, replicate r of design d running
     * {@code replicateScenarios.get(d).get(r)} (a posterior draw per replicate, {@code --parameters};
     * null for none): the same draw for all 32 designs at a replicate, so attribution stays paired.
     */
    public static Attribution plan(Features features, Path scenarioFile, List<KeyOverride> overrides,
            List<List<ResolvedScenario>> replicateScenarios) throws ScenarioException {
        List<String> ids = features.ids();
        if (ids.size() > 10) {
            throw new IllegalArgumentException("attribution runs 2^n designs; " + ids.size() + " features is too many");
        }
        List<DesignSpec> designs = new ArrayList<>();
        for (int mask = 0; mask < 1 << ids.size(); mask++) {
            ResolvedScenario resolved = features.apply(scenarioFile, overrides, off(ids, mask));
            designs.add(new DesignSpec(mask + 1, onBits(mask, ids.size()), resolved));
        }
        var s = designs.get(designs.size() - 1).scenario().scenario();
        return new Attribution(features, designs, new Experiment(designs, s.seed(), s.replications(), replicateScenarios));
    }

    /** The design's name: one character per feature in file order, 1 on and 0 off (e.g. {@code 10111}). */
    static String onBits(int mask, int n) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < n; i++) {
            name.append((mask & (1 << i)) != 0 ? '1' : '0');
        }
        return name.toString();
    }

    public Features features() {
        return features;
    }

    /** The designs by mask. */
    public List<DesignSpec> designs() {
        return designs;
    }

    public Experiment experiment() {
        return experiment;
    }

    /** The scenario as written: every feature on. */
    public DesignSpec allOn() {
        return designs.get(designs.size() - 1);
    }

    /**
     * What an attribution found.
     *
     * @param results            per design (by mask), the per-replicate metrics
     * @param counterfactualArms counterfactual arms actually computed (one per replicate and world)
     * @param metrics            per attributed metric, values[mask][replicate]
     * @param designMeans        per attributed metric, each design's mean and t-based 95% CI
     * @param rows               attribution.csv rows
     * @param cea                the all-on design against no collaborative
     */
    public record Result(List<DesignResults> results, long counterfactualArms, Map<String, double[][]> metrics,
            Map<String, List<Estimate>> designMeans, List<AttributionRow> rows, CeaResult cea) {
    }

    /**
     * The analysis of finished runs (by mask), as read back from an attribute folder's stored rows
     * ({@code ExperimentSession#execute}). Bootstrap resamples come from
     * {@code Seeds.generator(ATTRIBUTION, masterSeed)} (attribution) and
     * {@code Seeds.generator(COST_EFFECTIVENESS, masterSeed, 0)} (the ICER), so the result depends only
     * on the scenario, the features file, the seed, the perspective and the WTP.
     *
     * @param counterfactualArms counterfactual arms the runs computed (reported, not analysed)
     * @param wtp willingness to pay per (discounted) event averted, for the NMB
     */
    public Result analyse(List<DesignResults> results, long counterfactualArms, Perspective perspective, double wtp,
            int resamples) {
        Map<String, double[][]> metrics = new LinkedHashMap<>();
        for (String metric : METRICS) {
            double[][] v = new double[results.size()][];
            for (int mask = 0; mask < v.length; mask++) {
                v[mask] = values(results.get(mask), metric, perspective, wtp);
            }
            metrics.put(metric, v);
        }
        Map<String, List<Estimate>> means = new LinkedHashMap<>();
        metrics.forEach((metric, v) -> {
            List<Estimate> list = new ArrayList<>();
            for (double[] design : v) {
                list.add(Estimates.of(design));
            }
            means.put(metric, List.copyOf(list));
        });
        List<AttributionRow> rows = FeatureAttribution.analyse(features.ids(), metrics, resamples,
                Seeds.generator(Seeds.Purpose.ATTRIBUTION, experiment.masterSeed()));
        DesignResults on = results.get(results.size() - 1);
        CeaResult cea = CostEffectiveness.of(ALL_ON, NO_COLLABORATIVE, perspective,
                on.values(perspective.costMetric()), on.values("eventsAvertedDiscounted"), wtp,
                CostEffectiveness.grid(wtp), Seeds.generator(Seeds.Purpose.COST_EFFECTIVENESS, experiment.masterSeed(), 0));
        return new Result(results, counterfactualArms, metrics, means, rows, cea);
    }

    /**
     * A design's per-replicate values of an attributed metric: a runs.csv metric, or
     * {@code netMonetaryBenefit = wtp·eventsAvertedDiscounted − cost} in the perspective's cost.
     */
    static double[] values(DesignResults design, String metric, Perspective perspective, double wtp) {
        if (metric.equals("netMonetaryBenefit")) {
            return CostEffectiveness.netMonetaryBenefit(design.values(perspective.costMetric()),
                    design.values("eventsAvertedDiscounted"), wtp);
        }
        return design.values(metric);
    }
}
