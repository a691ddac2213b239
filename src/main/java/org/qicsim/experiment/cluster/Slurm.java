package org.qicsim.experiment.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLURM's client commands, as a job submitter uses them: {@code sbatch --parsable} to submit,
 * {@code squeue} to see whether jobs are still queued or running, {@code scontrol show job} for
 * their final state (kept by the controller for {@code MinJobAge} seconds). {@code sacct} is not
 * used: it needs the accounting database, which many small clusters (and CI) do not run.
 */
public final class Slurm {
    private static final Pattern JOB_ID = Pattern.compile("(\\d+)(;.*)?");
    private static final Pattern STATE = Pattern.compile("JobState=(\\S+)");
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private Slurm() {
    }

    /** The output of a finished client command. */
    record Result(int exit, String out, String err) {
    }

    /**
     * Submits {@code script} ({@code sbatch --parsable}), after the job {@code afterOk} has
     * succeeded if it is not null.
     *
     * @return the job id
     */
    public static String submit(Path script, String afterOk) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (afterOk != null) {
            cmd.add("--dependency=afterok:" + afterOk);
        }
        cmd.add(script.toString());
        Result r = run(cmd);
        Matcher m = JOB_ID.matcher(r.out().strip());
        if (r.exit() != 0 || !m.matches()) {
            throw new IOException("sbatch " + script.getFileName() + " failed (exit " + r.exit() + "): "
                    + (r.err().isBlank() ? r.out() : r.err()).strip());
        }
        return m.group(1);
    }

    /** Whether any of the jobs (or array tasks) is still pending or running. */
    public static boolean queued(List<String> jobIds) throws IOException, InterruptedException {
        Result r = run(List.of("squeue", "-h", "-o", "%i", "-j", String.join(",", jobIds)));
        if (r.exit() != 0) {
            // Jobs the controller has already forgotten are reported as invalid ids: not queued.
            if (r.err().contains("Invalid job id")) {
                return false;
            }
            throw new IOException("squeue failed (exit " + r.exit() + "): " + r.err().strip());
        }
        return !r.out().isBlank();
    }

    /** Waits until none of the jobs is queued, polling {@code squeue} ({@link #pollInterval}). */
    public static void await(List<String> jobIds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (queued(jobIds)) {
            Thread.sleep(pollInterval(Duration.ofNanos(System.nanoTime() - start)).toMillis());
        }
    }

    /**
     * The states of a job's tasks ({@code COMPLETED}, {@code FAILED}, {@code CANCELLED}, …), one per
     * array task, or empty when the controller no longer knows the job.
     */
    public static List<String> states(String jobId) throws IOException, InterruptedException {
        Result r = run(List.of("scontrol", "-o", "show", "job", jobId));
        List<String> states = new ArrayList<>();
        if (r.exit() != 0) {
            return states;
        }
        for (String line : r.out().lines().toList()) {
            Matcher m = STATE.matcher(line);
            if (m.find()) {
                states.add(m.group(1));
            }
        }
        return states;
    }

    /** Whether {@code sbatch} can be started here. */
    public static boolean available() {
        try {
            return run(List.of("sbatch", "--version")).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be started (is this a SLURM login node, with SLURM's "
                    + "commands on the PATH?): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "slurm-stderr");
        errReader.setDaemon(true);
        errReader.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(p.getInputStream(), out);
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        errReader.join(TimeUnit.SECONDS.toMillis(5));
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try (in) {
            in.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polling interval for {@link #await}: short at first, as tasks of a small sweep end within seconds. */
    public static Duration pollInterval(Duration waited) {
        return waited.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofMillis(500) : Duration.ofSeconds(5);
    }
}
