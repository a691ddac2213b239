package org.qicsim.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.qicsim.experiment.cluster.Slurm;
import org.qicsim.experiment.cluster.SlurmJob;
import org.qicsim.experiment.sweep.ExperimentFile;
import org.qicsim.experiment.sweep.Shard;
import org.qicsim.experiment.sweep.SweepPlan;
import org.qicsim.results.ResultsFolder;
import org.qicsim.results.TargetExistsException;
import org.qicsim.results.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim slurm EXPERIMENT.yaml --tasks N}: writes the SLURM job scripts of a sweep split
 * into N shards ({@link SlurmJob}): an {@code sbatch --array=0-(N−1)} job whose task i runs
 * {@code sweep --shard i/N} in one JVM with {@code --threads $SLURM_CPUS_PER_TASK}, and a merge job
 * that depends on it ({@code --dependency=afterok}). {@code --submit} submits both and prints their
 * ids; {@code --wait} then waits for them and exits 0 only if the merged folder is there.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = {"Write (and with --submit, submit) the SLURM jobs of a sweep: a job array whose task i runs "
                + "shard i/N (`qicsim sweep --shard`), and a merge job that joins the shards once every task has "
                + "succeeded.",
            "The job folder holds the scripts, logs/, shards/ and, at the end, merged/: the sweep's results folder."},
        footer = {"", "README.md, \"On a cluster\", walks through moving a sweep to a cluster."})
public final class SlurmCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (YAML).")
    private Path experimentFile;

    @Option(names = "--tasks", required = true, paramLabel = "N", description = "Array tasks, one shard each.")
    private int tasks;

    @Option(names = "--cpus", paramLabel = "C", defaultValue = "1",
            description = "CPUs per task, the threads of its sweep (default: ${DEFAULT-VALUE}).")
    private int cpus;

    @Option(names = "--partition", paramLabel = "P", description = "Partition (default: the cluster's).")
    private String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit of each task, as SLURM takes it "
            + "(e.g. 30, 2:00:00, 1-00:00:00; default: the partition's).")
    private String time;

    @Option(names = "--mem", paramLabel = "M", description = "Memory of each task, e.g. 4G (default: the partition's).")
    private String mem;

    @Option(names = "--out", paramLabel = "DIR", description = "Job folder to create (must not exist); default "
            + "results/slurm/<stamp>-<hash8>.")
    private Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Where the stamped job folder goes without --out (default: ${DEFAULT-VALUE}).")
    private Path resultsRoot;

    @Option(names = "--java", paramLabel = "PATH", description = "The java the tasks run (default: this one, "
            + "${sys:java.home}/bin/java).")
    private String java;

    @Option(names = "--target-ci", paramLabel = "METRIC=HALFWIDTH", description = "Adaptive replication in every "
            + "task (see `qicsim sweep --help`); the shards then take whole world groups, so --tasks may not exceed "
            + "their number.")
    private String targetCi;

    @Option(names = "--max-reps", paramLabel = "N", description = "With --target-ci: the most replicates a point gets.")
    private Integer maxReps;

    @Option(names = "--submit", description = "Submit the array and the merge job, and print their job ids.")
    private boolean submit;

    @Option(names = "--wait", description = "With --submit: wait until both jobs have left the queue; exit 0 if the "
            + "merged folder is there, 1 if not.")
    private boolean await;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GlobalOptions options = GlobalOptions.of(spec);
        if (await && !submit) {
            throw new ParameterException(spec.commandLine(), "--wait waits for the jobs --submit submits; give both");
        }
        try {
            SlurmJob.check(tasks, cpus, partition, time, mem);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SweepScope scope = SweepScope.parse(spec.commandLine(), null, targetCi, maxReps);
        ExperimentFile experiment = ExperimentFile.load(experimentFile);
        experiment.base().notes().forEach(note -> err.println(note.format()));
        // Every point is checked here, on the login node, rather than in N failing tasks.
        SweepPlan plan = scope.plan(experiment, options.threads());
        if (scope.adaptive() && plan.groups() < tasks) {
            throw new UserInputException("with --target-ci, shards take whole world groups, and " + experimentFile
                    + " has " + plan.groups() + " world group" + (plan.groups() == 1 ? "" : "s") + " for " + tasks
                    + " tasks; use --tasks " + plan.groups() + " or fewer");
        }
        List<String> sweepOptions = new ArrayList<>();
        if (targetCi != null) {
            sweepOptions.addAll(List.of("--target-ci", targetCi));
        }
        if (maxReps != null) {
            sweepOptions.addAll(List.of("--max-reps", maxReps.toString()));
        }
        Path dir = jobFolder(experiment);
        SlurmJob job;
        try {
            job = new SlurmJob(dir, dir.resolve(ExperimentFile.RESOLVED), "qicsim-" + experiment.hash8(), tasks, cpus,
                    partition, time, mem, java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(), classpath(), sweepOptions);
        } catch (IllegalArgumentException e) {
            Files.deleteIfExists(dir);
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        write(job, experiment);
        long[] runs = shardRuns(plan, scope.adaptive());
        long smallest = Arrays.stream(runs).min().orElse(0);
        long largest = Arrays.stream(runs).max().orElse(0);
        stdout.printf(Locale.ROOT, "%d runs%s in %d shards of %d to %d runs, %d CPU%s each: %s%n", plan.plannedCount(),
                scope.adaptive() ? " in the first round" : "", tasks, smallest, largest, cpus, cpus == 1 ? "" : "s", job.dir());
        if (smallest == 0) {
            err.println("warning: some shards have no runs: the experiment has " + plan.groups() * (long) plan.replications()
                    + " counterfactual groups (world × replicate) to share among " + tasks + " tasks");
        }
        if (!submit) {
            stdout.println("submit with: bash " + job.dir().resolve(SlurmJob.SUBMIT_SCRIPT));
            stdout.println(job.dir());
            return ExitCodes.OK;
        }
        String array = Slurm.submit(job.dir().resolve(SlurmJob.ARRAY_SCRIPT), null);
        String merge = Slurm.submit(job.dir().resolve(SlurmJob.MERGE_SCRIPT), array);
        Files.writeString(job.dir().resolve("jobs.txt"), "array " + array + "\nmerge " + merge + "\n",
                StandardCharsets.UTF_8);
        stdout.println("array job " + array + ", merge job " + merge);
        stdout.flush();
        if (!await) {
            stdout.println(job.merged());
            return ExitCodes.OK;
        }
        Slurm.await(List.of(array, merge));
        if (!Files.isDirectory(job.merged())) {
            throw new IllegalStateException(failureReport(job, array, merge));
        }
        stdout.println(job.merged());
        return ExitCodes.OK;
    }

    private Path jobFolder(ExperimentFile experiment) throws Exception {
        Path dir;
        if (out != null) {
            dir = out.toAbsolutePath().normalize();
            if (Files.exists(dir)) {
                throw new TargetExistsException(out, "job folder " + out + " already exists; --out must name a new "
                        + "folder (qicsim never overwrites)");
            }
        } else {
            dir = resultsRoot.resolve("slurm").resolve(ResultsFolder.STAMP.format(Instant.now()) + "-"
                    + experiment.hash8()).toAbsolutePath().normalize();
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new TargetExistsException(dir, "job folder " + dir + " already exists");
        }
        return dir;
    }

    /** This JVM's class path, absolute: the jar (or classes) the tasks run. */
    private static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void write(SlurmJob job, ExperimentFile experiment) throws Exception {
        // The tasks run a copy of the resolved experiment, so editing the original after submitting
        // cannot split one sweep between two experiments (merge would refuse the shards anyway).
        Files.writeString(job.experiment(), experiment.resolvedYaml(), StandardCharsets.UTF_8);
        Files.writeString(job.dir().resolve("scenario.resolved.yaml"), experiment.base().canonicalYaml(),
                StandardCharsets.UTF_8);
        Files.createDirectories(job.dir().resolve(SlurmJob.LOGS));
        Files.createDirectories(job.dir().resolve(SlurmJob.SHARDS));
        script(job.dir().resolve(SlurmJob.ARRAY_SCRIPT), job.arrayScript());
        script(job.dir().resolve(SlurmJob.MERGE_SCRIPT), job.mergeScript());
        script(job.dir().resolve(SlurmJob.SUBMIT_SCRIPT), job.submitScript());
    }

    private static void script(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the scripts are run with bash or sbatch anyway.
        }
    }

    private long[] shardRuns(SweepPlan plan, boolean wholeGroups) {
        long[] runs = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            Shard shard = new Shard(i, tasks);
            if (wholeGroups) {
                BitSet points = shard.wholeGroupPoints(plan);
                for (int p = points.nextSetBit(1); p >= 0; p = points.nextSetBit(p + 1)) {
                    runs[i] += plan.plannedReplicates(p);
                }
            } else {
                runs[i] = shard.runs(plan).cardinality();
            }
        }
        return runs;
    }

    private static String failureReport(SlurmJob job, String array, String merge) throws Exception {
        List<String> lacking = new ArrayList<>();
        for (int i = 0; i < job.tasks(); i++) {
            if (!Files.isDirectory(job.shard(i))) {
                lacking.add(Integer.toString(i));
            }
        }
        String states = "array " + array + ": " + String.join(" ", Slurm.states(array)) + "; merge " + merge + ": "
                + String.join(" ", Slurm.states(merge));
        return "the jobs ended without a merged folder (" + states + "); "
                + (lacking.isEmpty() ? "every shard finished, see " + job.dir().resolve(SlurmJob.LOGS).resolve("merge.log")
                        : "shards " + String.join(", ", lacking) + " did not finish, see "
                                + job.dir().resolve(SlurmJob.LOGS) + "/shard-<i>.log; resubmit with: bash "
                                + job.dir().resolve(SlurmJob.SUBMIT_SCRIPT) + " (finished shards are kept)");
    }
}
