package org.qicsim.experiment.sweep;

import java.io.IOException;
import java.util.List;
import org.qicsim.analysis.sensitivity.MorrisEstimator;
import org.qicsim.analysis.sensitivity.MorrisIndices;
import org.qicsim.analysis.sensitivity.SobolEstimator;
import org.qicsim.analysis.sensitivity.SobolIndices;
import org.qicsim.experiment.Seeds;
import org.qicsim.experiment.StoreTables;
import org.qicsim.experiment.doe.Design;
import org.qicsim.experiment.doe.DesignKind;
import org.qicsim.experiment.doe.Morris;
import org.qicsim.experiment.doe.Saltelli;
import org.qicsim.results.CsvWriter;
import org.qicsim.results.ResultsFolder;

/**
 * {@code sensitivity.csv} of a sobol or morris sweep, from each point's mean over its replicates:
 * first- and total-order Sobol indices with bootstrap 95% intervals ({@link SobolEstimator},
 * {@value #RESAMPLES} resamples from generator {@code SENSITIVITY}, master seed, metric position),
 * or Morris's μ, μ* and σ of the elementary effects ({@link MorrisEstimator}), one row per metric
 * and factor. Other designs have no such table.
 */
final class SensitivityTable {
    static final int RESAMPLES = 1000;
    private static final double LEVEL = 0.95;

    private SensitivityTable() {
    }

    /** Writes the table when the design calls for one; returns whether it did. */
    static boolean write(ResultsFolder folder, ExperimentFile experiment, double[][] means) throws IOException {
        Design design = experiment.design();
        List<String> metrics = experiment.outputs().metrics();
        if (design.kind() == DesignKind.SALTELLI) {
            try (CsvWriter csv = csv(folder, List.of("metric", "factor", "S1", "S1ciLow", "S1ciHigh", "ST", "STciLow",
                    "STciHigh"))) {
                for (int k = 0; k < metrics.size(); k++) {
                    List<SobolIndices> indices = SobolEstimator.estimate(Saltelli.outputs(design, means[k]), RESAMPLES,
                            LEVEL, Seeds.generator(Seeds.Purpose.SENSITIVITY, experiment.masterSeed(), k));
                    for (SobolIndices s : indices) {
                        csv.row(metrics.get(k), design.factors().get(s.factor()).path(), s.first().value(),
                                s.first().ciLow(), s.first().ciHigh(), s.total().value(), s.total().ciLow(),
                                s.total().ciHigh());
                    }
                }
            }
            return true;
        }
        if (design.kind() == DesignKind.MORRIS) {
            try (CsvWriter csv = csv(folder, List.of("metric", "factor", "mu", "muStar", "sigma", "effects"))) {
                for (int k = 0; k < metrics.size(); k++) {
                    for (MorrisIndices m : MorrisEstimator.estimate(Morris.trajectories(design, means[k]))) {
                        csv.row(metrics.get(k), design.factors().get(m.factor()).path(), m.mu(), m.muStar(), m.sigma(),
                                m.effects());
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static CsvWriter csv(ResultsFolder folder, List<String> header) throws IOException {
        // Derived from the stored runs: a resumed sweep writes it afresh.
        java.nio.file.Files.deleteIfExists(folder.resolve(StoreTables.SENSITIVITY));
        return CsvWriter.create(folder.resolve(StoreTables.SENSITIVITY), header);
    }
}
