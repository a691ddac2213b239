/**
 * {@code qicsim calibrate}: approximate Bayesian computation by sequential Monte Carlo (ABC-SMC,
 * population Monte Carlo with an adaptive tolerance) over scenario keys, on the experiment
 * engine's executor. The calibration file ({@link org.qicsim.experiment.calibrate.CalibrationFile})
 * names the free parameters and their priors, the targets and the method; {@link
 * org.qicsim.experiment.calibrate.AbcSmc} runs it, resumably, or, with
 * {@code method: {type: historyMatching}}, {@link org.qicsim.experiment.calibrate.HistoryMatching}
 * (waves of Latin hypercubes, one {@link org.qicsim.experiment.calibrate.GaussianProcess} emulator
 * per statistic, implausibility cut-off, an importance-sampled posterior); docs/CALIBRATION.md
 * explains the methods and their choice.
 */
package org.qicsim.experiment.calibrate;
