package org.qicsim.experiment.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The job scripts of a sweep on a SLURM cluster, in one job folder: {@code sweep-array.sbatch}, a
 * job array of {@code tasks} tasks in which task i runs shard i/N of the sweep in one JVM with
 * {@code --threads $SLURM_CPUS_PER_TASK} into {@code shards/shard-i/}; {@code merge.sbatch}, which
 * joins the shards into {@code merged/} once every task has succeeded ({@code submit.sh} submits it
 * with {@code --dependency=afterok:<array job>}); logs go to {@code logs/}.
 *
 * <p>A task that finds its shard's {@code .partial} folder (a requeued or restarted task) resumes
 * it, and one whose shard folder is complete does nothing, so resubmitting the array after a
 * failure runs only what is missing.
 *
 * @param dir        the job folder (absolute)
 * @param experiment the experiment file the tasks run (absolute; a copy in the job folder)
 * @param name       the job name
 * @param tasks      array tasks = shards
 * @param cpus       CPUs per task (the sweep's threads)
 * @param partition  {@code --partition}, or null for the cluster's default
 * @param time       {@code --time} of each task, or null
 * @param mem        {@code --mem} of each task, or null
 * @param java       the java executable
 * @param classpath  qicsim's class path (the jar)
 * @param sweepOptions further options of each task's {@code qicsim sweep} (adaptive replication's
 *     {@code --target-ci}, {@code --max-reps}); a resumed task reads them from its manifest
 */
public record SlurmJob(Path dir, Path experiment, String name, int tasks, int cpus, String partition, String time,
        String mem, String java, String classpath, List<String> sweepOptions) {

    public static final String ARRAY_SCRIPT = "sweep-array.sbatch";
    public static final String MERGE_SCRIPT = "merge.sbatch";
    public static final String SUBMIT_SCRIPT = "submit.sh";
    public static final String MERGED = "merged";
    public static final String SHARDS = "shards";
    public static final String LOGS = "logs";

    private static final Pattern TIME = Pattern.compile("\\d+(-\\d+)?(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}");
    private static final Pattern MEM = Pattern.compile("\\d+[KMGT]?");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public SlurmJob {
        sweepOptions = List.copyOf(sweepOptions);
        check(tasks, cpus, partition, time, mem);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a job name: " + name);
        }
    }

    /**
     * Checks the user's settings, before anything is loaded or written.
     *
     * @throws IllegalArgumentException naming the option and its valid forms
     */
    public static void check(int tasks, int cpus, String partition, String time, String mem) {
        if (tasks < 1 || tasks > 1_000_000) {
            throw new IllegalArgumentException("--tasks must be between 1 and 1000000, was " + tasks);
        }
        if (cpus < 1 || cpus > 4096) {
            throw new IllegalArgumentException("--cpus must be between 1 and 4096, was " + cpus);
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time takes SLURM's forms (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, "
                    + "D-HH:MM:SS), not \"" + time + "\"");
        }
        if (mem != null && !MEM.matcher(mem).matches()) {
            throw new IllegalArgumentException("--mem takes a size such as 4G or 4000M, not \"" + mem + "\"");
        }
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition takes partition names (letters, digits, _ . , -), not \""
                    + partition + "\"");
        }
    }

    /** Folder of shard {@code i}. */
    public Path shard(int i) {
        return dir.resolve(SHARDS).resolve("shard-" + i);
    }

    /** The merged sweep folder. */
    public Path merged() {
        return dir.resolve(MERGED);
    }

    /** The job array's script. */
    public String arrayScript() {
        StringBuilder s = header(name + "-sweep");
        line(s, "#SBATCH --array=0-" + (tasks - 1));
        line(s, "#SBATCH --cpus-per-task=" + cpus);
        line(s, "#SBATCH --ntasks=1");
        options(s);
        line(s, "#SBATCH --output=" + quoteless(dir.resolve(LOGS)) + "/shard-%a.log");
        s.append('\n');
        s.append("# One shard of the sweep per array task, in one JVM with a thread per allocated CPU.\n");
        s.append("# A task that finds its shard half done (requeued, restarted) resumes it; a finished one is kept.\n");
        preamble(s);
        s.append("i=${SLURM_ARRAY_TASK_ID:?not in a SLURM array task}\n");
        s.append("out=\"$JOB_DIR/").append(SHARDS).append("/shard-$i\"\n");
        s.append("threads=${SLURM_CPUS_PER_TASK:-").append(cpus).append("}\n");
        s.append("if [ -d \"$out\" ]; then\n");
        s.append("  echo \"shard $i/").append(tasks).append(" is already complete: $out\"\n");
        s.append("elif [ -d \"$out.partial\" ]; then\n");
        s.append("  \"${QICSIM[@]}\" sweep --resume \"$out.partial\" \"$EXPERIMENT\" --threads \"$threads\" --quiet\n");
        s.append("else\n");
        s.append("  \"${QICSIM[@]}\" sweep \"$EXPERIMENT\" --shard \"$i/").append(tasks)
                .append("\" --out \"$out\" --threads \"$threads\" --quiet");
        for (String option : sweepOptions) {
            s.append(' ').append(shellQuote(option));
        }
        s.append('\n');
        s.append("fi\n");
        return s.toString();
    }

    /** The merge job's script: runs once every array task has succeeded. */
    public String mergeScript() {
        StringBuilder s = header(name + "-merge");
        line(s, "#SBATCH --cpus-per-task=1");
        line(s, "#SBATCH --ntasks=1");
        options(s);
        line(s, "#SBATCH --kill-on-invalid-dep=yes");
        line(s, "#SBATCH --output=" + quoteless(dir.resolve(LOGS)) + "/merge.log");
        s.append('\n');
        s.append("# Joins the shards into one sweep folder equal to an unsharded sweep.\n");
        preamble(s);
        s.append("shards=()\n");
        s.append("for ((i = 0; i < ").append(tasks).append("; i++)); do shards+=(\"$JOB_DIR/").append(SHARDS)
                .append("/shard-$i\"); done\n");
        s.append("\"${QICSIM[@]}\" merge \"${shards[@]}\" --out \"$JOB_DIR/").append(MERGED).append("\" --threads 1\n");
        return s.toString();
    }

    /** Submits the array, then the merge job depending on it; prints both job ids. */
    public String submitScript() {
        StringBuilder s = new StringBuilder("#!/usr/bin/env bash\n");
        s.append("# Submits the sweep's job array and the merge job that runs once every task has succeeded.\n");
        s.append("set -euo pipefail\n");
        s.append("cd ").append(shellQuote(dir.toString())).append('\n');
        s.append("array=$(sbatch --parsable ").append(ARRAY_SCRIPT).append(" | cut -d';' -f1)\n");
        s.append("merge=$(sbatch --parsable --dependency=afterok:$array ").append(MERGE_SCRIPT)
                .append(" | cut -d';' -f1)\n");
        s.append("echo \"array job $array, merge job $merge; the merged sweep will be ")
                .append(dir.resolve(MERGED)).append("\"\n");
        return s.toString();
    }

    private StringBuilder header(String jobName) {
        StringBuilder s = new StringBuilder("#!/usr/bin/env bash\n");
        line(s, "#SBATCH --job-name=" + jobName);
        line(s, "#SBATCH --chdir=" + quoteless(dir));
        return s;
    }

    private void options(StringBuilder s) {
        if (partition != null) {
            line(s, "#SBATCH --partition=" + partition);
        }
        if (time != null) {
            line(s, "#SBATCH --time=" + time);
        }
        if (mem != null) {
            line(s, "#SBATCH --mem=" + mem);
        }
    }

    private void preamble(StringBuilder s) {
        s.append("set -euo pipefail\n");
        s.append("JOB_DIR=").append(shellQuote(dir.toString())).append('\n');
        s.append("EXPERIMENT=").append(shellQuote(experiment.toString())).append('\n');
        s.append("# The JVM and qicsim build that wrote this script; edit to use another.\n");
        s.append("JAVA=").append(shellQuote(java)).append('\n');
        s.append("CLASSPATH_QICSIM=").append(shellQuote(classpath)).append('\n');
        s.append("# DuckDB unpacks its native library into java.io.tmpdir: the job's own temporary folder.\n");
        s.append("QICSIM=(\"$JAVA\" -Djava.io.tmpdir=\"${TMPDIR:-/tmp}\" -cp \"$CLASSPATH_QICSIM\" org.qicsim.cli.Main)\n");
    }

    private static void line(StringBuilder s, String line) {
        s.append(line).append('\n');
    }

    /** #SBATCH lines are not parsed by a shell: a path there cannot be quoted, so it may not hold spaces. */
    private static String quoteless(Path p) {
        String text = p.toString();
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
            throw new IllegalArgumentException("the job folder's path may not hold spaces or quotes (SLURM's #SBATCH "
                    + "lines cannot quote them): " + text);
        }
        return text;
    }

    /** {@code 'text'} with embedded single quotes escaped, for bash. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The shard folders, in index order. */
    public List<Path> shards() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            list.add(shard(i));
        }
        return list;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d tasks × %d CPUs in %s", name, tasks, cpus, dir);
    }
}
