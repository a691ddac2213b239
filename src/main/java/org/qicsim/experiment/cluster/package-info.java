/**
 * Running a sweep beyond one machine: SLURM job scripts for a job array of sweep shards and a
 * dependent merge job ({@link org.qicsim.experiment.cluster.SlurmJob}), and submitting and
 * following them through {@code sbatch} and {@code squeue} ({@link org.qicsim.experiment.cluster.Slurm}).
 */
package org.qicsim.experiment.cluster;
