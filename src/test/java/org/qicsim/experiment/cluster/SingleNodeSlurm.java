package org.qicsim.experiment.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private single-node SLURM cluster for tests, after /work/shared/SLURM.md (tested on the
 * project machine): munged, slurmctld and slurmd started with their own config, socket, state and
 * log folder under {@code base}, on free ports (so that two such clusters on one machine do not
 * meet), and stopped by the PIDs they wrote, never by name. {@link #close()} stops them; a
 * shutdown hook does too, should the test JVM end first.
 *
 * <p>Needs root (the daemons run as root and munge, as in CI) and Debian's {@code slurmctld},
 * {@code slurmd}, {@code slurm-client} and {@code munge} ({@code .ci/run} installs them);
 * {@link #unavailableReason()} says what is missing.
 */
public final class SingleNodeSlurm implements AutoCloseable {
    private static final List<String> BINARIES = List.of("slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "munged",
            "runuser");

    private final Path base;
    private final Path conf;
    private final Thread hook;
    private boolean stopped;

    /** Why no cluster can be started here, or empty. */
    public static Optional<String> unavailableReason() {
        List<String> missing = new ArrayList<>();
        for (String b : BINARIES) {
            if (which(b) == null) {
                missing.add(b);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("SLURM/munge binaries not found: " + String.join(", ", missing)
                    + " (.ci/run installs slurmctld slurmd slurm-client munge)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a private SLURM cluster needs root (the daemons run as root and munge)");
        }
        return Optional.empty();
    }

    private static Path which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String d : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private SingleNodeSlurm(Path base) {
        this.base = base;
        this.conf = base.resolve("slurm.conf");
        this.hook = new Thread(this::stopQuietly, "slurm-teardown");
    }

    /** Starts a cluster with {@code cpus} CPUs in a new folder under {@code parent}, waiting until its node is idle. */
    public static SingleNodeSlurm start(Path parent, int cpus) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        Path base = Files.createTempDirectory(parent.toAbsolutePath(), "slurm-");
        if (base.resolve("munge/munge.socket").toString().length() > 100) {
            // A Unix socket path is limited to 107 bytes.
            base = Files.createTempDirectory("qicsim-slurm-");
        }
        SingleNodeSlurm cluster = new SingleNodeSlurm(base);
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            cluster.boot(cpus);
        } catch (IOException | InterruptedException | RuntimeException e) {
            e.addSuppressed(new IllegalStateException("logs:\n" + cluster.logs()));
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The config file: clients need {@code SLURM_CONF} set to it. */
    public Path conf() {
        return conf;
    }

    public Path base() {
        return base;
    }

    private void boot(int cpus) throws IOException, InterruptedException {
        for (String d : List.of("state", "spool", "log", "munge")) {
            Files.createDirectories(base.resolve(d));
        }
        run(List.of("chmod", "755", base.toString()));
        run(List.of("chown", "munge:munge", base.resolve("munge").toString()));
        // munged refuses a socket folder without execute permission for all.
        run(List.of("chmod", "755", base.resolve("munge").toString()));
        if (!Files.exists(Path.of("/etc/munge/munge.key"))) {
            run(List.of("runuser", "-u", "munge", "--", "mungekey", "--create"));
        }
        String host = run(List.of("hostname", "-s")).strip();
        int ctldPort = freePort();
        int slurmdPort = freePort();
        String text = String.join("\n",
                "ClusterName=qicsimtest",
                "SlurmctldHost=" + host + "(127.0.0.1)",
                "SlurmctldPort=" + ctldPort,
                "SlurmdPort=" + slurmdPort,
                "SlurmUser=root",
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + base.resolve("munge/munge.socket"),
                "StateSaveLocation=" + base.resolve("state"),
                "SlurmdSpoolDir=" + base.resolve("spool"),
                "SlurmctldPidFile=" + base.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + base.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + base.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + base.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "MpiDefault=none",
                "ReturnToService=2",
                "MinJobAge=300",
                "MailProg=" + Optional.ofNullable(which("true")).map(Path::toString).orElse("/bin/true"),
                "NodeName=" + host + " NodeAddr=127.0.0.1 CPUs=" + cpus + " Sockets=1 CoresPerSocket=" + cpus
                        + " ThreadsPerCore=1 RealMemory=4096",
                "PartitionName=ci Nodes=ALL Default=YES MaxTime=30 State=UP",
                "");
        Files.writeString(conf, text, StandardCharsets.UTF_8);
        run(List.of("runuser", "-u", "munge", "--", "munged", "--socket=" + base.resolve("munge/munge.socket"),
                "--pid-file=" + base.resolve("munge/munged.pid"), "--log-file=" + base.resolve("munge/munged.log"),
                "--seed-file=" + base.resolve("munge/munged.seed")));
        run(List.of("slurmctld", "-f", conf.toString()));
        run(List.of("slurmd", "-f", conf.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String state = "";
        while (System.nanoTime() < deadline) {
            state = client(List.of("sinfo", "-h", "-N", "-o", "%t")).strip();
            if (state.equals("idle")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("the SLURM node did not become idle in 60 s (state \"" + state + "\"); logs in "
                + base.resolve("log"));
    }

    /** Runs a client command against this cluster; its output, or "" if it failed. */
    public String client(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", conf.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "";
        }
        return p.exitValue() == 0 ? out : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return out;
    }

    /** The daemons' logs, for a failure message. */
    public String logs() {
        StringBuilder s = new StringBuilder();
        for (String f : List.of("log/slurmctld.log", "log/slurmd.log", "munge/munged.log")) {
            try {
                List<String> lines = Files.readAllLines(base.resolve(f), StandardCharsets.UTF_8);
                s.append("--- ").append(f).append('\n');
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> s.append(l).append('\n'));
            } catch (IOException e) {
                s.append("--- ").append(f).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return s.toString();
    }

    /** Cancels this cluster's jobs and stops the daemons by PID: slurmd, slurmctld, then munged. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean interrupted = Thread.interrupted();
        try {
            client(List.of("scancel", "--quiet", "--user=root"));
        } catch (IOException | InterruptedException e) {
            // The controller may be down already; the daemons are stopped below regardless.
            interrupted |= e instanceof InterruptedException;
        }
        for (String pidFile : List.of("slurmd.pid", "slurmctld.pid", "munge/munged.pid")) {
            // Stopping must finish even if this thread was interrupted: never leave a daemon running.
            interrupted |= stop(base.resolve(pidFile));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // Its logs have been read into any failure message by now; keep them only when asked.
        if (!Boolean.getBoolean("qicsim.keepSlurmLogs")) {
            deleteTree(base);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is this call.
        }
    }

    private static void deleteTree(Path dir) {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover folder under target/ is harmless.
        }
    }

    private void stopQuietly() {
        close();
    }

    /** Stops the daemon whose PID {@code pidFile} holds: SIGTERM, then SIGKILL after 10 s; true if interrupted meanwhile. */
    private static boolean stop(Path pidFile) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return false;
        }
        ProcessHandle h = handle.get();
        h.destroy();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (h.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (h.isAlive()) {
            h.destroyForcibly();
        }
        return interrupted;
    }

    /** Environment for a client or a submitting process: {@code SLURM_CONF}. */
    public Map<String, String> environment() {
        return Map.of("SLURM_CONF", conf.toString());
    }
}
