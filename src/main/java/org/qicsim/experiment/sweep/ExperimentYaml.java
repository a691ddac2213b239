package org.qicsim.experiment.sweep;

import java.util.List;
import org.qicsim.experiment.doe.DesignGenerator;
import org.qicsim.experiment.doe.Distribution;
import org.qicsim.experiment.doe.Domain;
import org.qicsim.experiment.doe.Grid;
import org.qicsim.experiment.doe.LatinHypercube;
import org.qicsim.experiment.doe.Morris;
import org.qicsim.experiment.doe.OneAtATime;
import org.qicsim.experiment.doe.Saltelli;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.tree.Numbers;

/**
 * The resolved form of an experiment ({@code experiment.resolved.yaml}): every setting explicit
 * and normalised (defaults filled in, numbers in their shortest form, strings quoted), and the base
 * scenario named as {@code scenario.resolved.yaml} — the base after {@code set}, {@code seed} and
 * {@code replications}, written beside it — with that file's SHA-256. Loading the resolved form
 * from a results folder gives the same text again, so {@code qicsim sweep DIR/experiment.resolved.yaml}
 * repeats a sweep, and a resumed sweep can check that its experiment has not changed by comparing
 * texts.
 */
final class ExperimentYaml {
    /** The base scenario's file name in a results folder (the run layout's name for a resolved scenario). */
    static final String SCENARIO = "scenario.resolved.yaml";

    private ExperimentYaml() {
    }

    static String write(ResolvedScenario base, long masterSeed, int replications, boolean crn,
            List<FactorEntry> factors, DesignGenerator design, SweepOutputs outputs) {
        StringBuilder y = new StringBuilder();
        y.append("# The experiment as qicsim resolved it: every setting explicit; the base scenario (with the\n")
                .append("# experiment's set, seed and replications applied) is ").append(SCENARIO).append(" beside this file.\n");
        y.append("scenario: ").append(SCENARIO).append('\n');
        y.append("scenarioHash: ").append(base.sha256()).append('\n');
        y.append("seed: ").append(masterSeed).append('\n');
        y.append("replications: ").append(replications).append('\n');
        y.append("commonRandomNumbers: ").append(crn).append('\n');
        y.append("factors:\n");
        for (FactorEntry f : factors) {
            y.append("  ").append(f.path()).append(": ").append(domain(f.factor().domain(), f.factor().integer()))
                    .append('\n');
        }
        y.append("design: ").append(design(design)).append('\n');
        y.append("outputs:\n");
        y.append("  metrics: [").append(String.join(", ", outputs.metrics())).append("]\n");
        y.append("  monthly: ").append(outputs.monthly()).append('\n');
        y.append("  sites: ").append(outputs.sites()).append('\n');
        return y.toString();
    }

    private static String domain(Domain d, boolean integer) {
        if (d instanceof Domain.Values v) {
            StringBuilder out = new StringBuilder("{values: [");
            for (int i = 0; i < v.values().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(scalar(v.values().get(i)));
            }
            return out.append("]}").toString();
        }
        if (d instanceof Domain.Interval r) {
            // An integer key's bounds are whole numbers (Factor checks): write them as integers.
            return "{min: " + (integer ? Long.toString((long) r.min()) : Numbers.yaml(r.min())) + ", max: "
                    + (integer ? Long.toString((long) r.max()) : Numbers.yaml(r.max()))
                    + (r.hasLevels() ? ", levels: " + r.levels() : "") + "}";
        }
        if (d instanceof Distribution.Uniform u) {
            return "{distribution: uniform, min: " + Numbers.yaml(u.min()) + ", max: " + Numbers.yaml(u.max()) + "}";
        }
        if (d instanceof Distribution.Normal n) {
            return "{distribution: normal, mean: " + Numbers.yaml(n.mean()) + ", sd: " + Numbers.yaml(n.sd())
                    + (Double.isInfinite(n.lower()) ? "" : ", lower: " + Numbers.yaml(n.lower()))
                    + (Double.isInfinite(n.upper()) ? "" : ", upper: " + Numbers.yaml(n.upper())) + "}";
        }
        if (d instanceof Distribution.LogNormal l) {
            return "{distribution: lognormal, median: " + Numbers.yaml(l.median()) + ", spread: "
                    + Numbers.yaml(l.spread()) + "}";
        }
        if (d instanceof Distribution.Triangular t) {
            return "{distribution: triangular, min: " + Numbers.yaml(t.min()) + ", mode: " + Numbers.yaml(t.mode())
                    + ", max: " + Numbers.yaml(t.max()) + "}";
        }
        Distribution.Beta b = (Distribution.Beta) d;
        return "{distribution: beta, a: " + Numbers.yaml(b.a()) + ", b: " + Numbers.yaml(b.b()) + ", min: "
                + Numbers.yaml(b.min()) + ", max: " + Numbers.yaml(b.max()) + "}";
    }

    private static String design(DesignGenerator g) {
        if (g instanceof Grid) {
            return "{type: grid}";
        }
        if (g instanceof OneAtATime) {
            return "{type: oneAtATime}";
        }
        if (g instanceof LatinHypercube l) {
            return "{type: lhs, n: " + l.n() + "}";
        }
        if (g instanceof Saltelli s) {
            return "{type: sobol, n: " + s.n() + "}";
        }
        Morris m = (Morris) g;
        return "{type: morris, r: " + m.r() + ", levels: " + m.levels() + "}";
    }

    /** A factor value: null, a boolean, an integer, a double in its shortest form, or a quoted name. */
    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Numbers.yaml(d);
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return v.toString();
    }
}
