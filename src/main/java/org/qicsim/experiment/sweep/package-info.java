/**
 * Sweeps (issue 7): an experiment file names a base scenario, factors (scenario keys with value
 * lists, ranges or distributions) and a design of experiments; every design point becomes a
 * scenario, run for the experiment's replicates under common random numbers, with rows streamed to
 * a results folder (Parquet through DuckDB, or CSV when DuckDB cannot load), per-point summaries
 * computed from the stored rows in (point, replicate) order, and interruption and resumption that
 * keep the folder consistent.
 *
 * <p>Entry points: {@link org.qicsim.experiment.sweep.ExperimentFile#load} reads and checks an
 * experiment file, {@link org.qicsim.experiment.sweep.SweepPlan#of} resolves and checks every
 * point, and {@link org.qicsim.experiment.ExperimentSession} runs a plan into a results folder (the session
 * {@code run} and {@code compare} use), and {@link org.qicsim.experiment.sweep.SweepSummaries} writes
 * its points and sensitivity tables.
 */
package org.qicsim.experiment.sweep;
