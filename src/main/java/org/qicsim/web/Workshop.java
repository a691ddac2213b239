package org.qicsim.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;

/**
 * The workshop application behind the HTTP layer: the rooms, the bundled catalogue, the design
 * queue on the run executor, the round timers and the finishing of rounds (results folder, zip,
 * debrief). Knows nothing of HTTP.
 */
public final class Workshop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Workshop.class.getName());

    /** Rooms at once; a room idle for {@link #IDLE_LIMIT} is dropped to make space. */
    static final int MAX_SESSIONS = 32;
    static final Duration IDLE_LIMIT = Duration.ofHours(6);

    /** Settings of the server, with the defaults {@code qicsim serve} uses. */
    public record Settings(int maxQueuedDesigns, int dispatchers, double burst, double perSecond) {
        public static Settings defaults(int threads) {
            return new Settings(64, Math.max(1, threads), 60, 15);
        }
    }

    private final Catalogue catalogue;
    private final DesignQueue queue;
    private final CompareExport export;
    private final Debrief debrief = new InterimDebrief();
    private final Tokens tokens = new Tokens();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final ExecutorService finisher;
    private final Path exports;
    private final Settings settings;

    public Workshop(RunExecutor executor, CompareExport export, Settings settings) throws IOException {
        this.catalogue = Catalogue.extract();
        this.queue = new DesignQueue(executor, settings.maxQueuedDesigns(), settings.dispatchers());
        this.export = export;
        this.settings = settings;
        this.exports = Files.createTempDirectory("qicsim-workshop-results-");
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("qicsim-workshop-timer"));
        this.finisher = Executors.newSingleThreadExecutor(daemon("qicsim-workshop-finish"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    Settings settings() {
        return settings;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    DesignQueue queue() {
        return queue;
    }

    Tokens tokens() {
        return tokens;
    }

    /** The room with this code, or 404 (the code's shape is checked first). */
    Session session(String room) {
        Session s = Tokens.isRoom(room) ? sessions.get(room) : null;
        if (s == null) {
            throw ApiException.notFound("no room with that code");
        }
        s.touch();
        return s;
    }

    /** A new room from a bundled scenario id or an uploaded text (exactly one of them). */
    synchronized Session create(String scenarioId, String upload) throws IOException, ScenarioException {
        if ((scenarioId == null) == (upload == null)) {
            throw ApiException.badRequest("choose a bundled scenario or upload one (exactly one)");
        }
        dropIdle();
        if (sessions.size() >= MAX_SESSIONS) {
            throw ApiException.tooMany("the server has " + MAX_SESSIONS + " rooms open; try again later");
        }
        ResolvedScenario base = scenarioId != null ? catalogue.bundled(scenarioId) : catalogue.upload(upload);
        String room;
        do {
            room = tokens.room();
        } while (sessions.containsKey(room));
        Session s = new Session(room, tokens.token(), base, catalogue.sessionFile(base), this);
        sessions.put(room, s);
        LOG.info("room " + room + " opened with scenario " + base.scenario().name());
        return s;
    }

    private void dropIdle() {
        Instant limit = Instant.now().minus(IDLE_LIMIT);
        sessions.values().removeIf(s -> s.lastActivity().isBefore(limit) && !busy(s));
    }

    private static boolean busy(Session s) {
        Round r = s.round();
        return r != null && (r.open() || r.phase() == Round.Phase.CLOSING || r.phase() == Round.Phase.FINISHING);
    }

    void schedule(Runnable task, Duration delay) {
        timers.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "round timer", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes a closed round's results folder (design 1 no collaborative, then each participant's
     * latest finished design), zips it and computes the debrief; off the request threads.
     */
    void finish(Session session, Round round) {
        finisher.execute(() -> {
            try {
                List<Entry> all = new ArrayList<>();
                all.add(round.reference());
                for (Entry e : round.entries()) {
                    if (e.status() == Entry.Status.DONE) {
                        all.add(e);
                    }
                }
                List<DesignSpec> designs = new ArrayList<>();
                List<List<RunResult>> results = new ArrayList<>();
                List<String> names = new ArrayList<>();
                List<Double> planned = new ArrayList<>();
                for (int k = 0; k < all.size(); k++) {
                    Entry e = all.get(k);
                    designs.add(new DesignSpec(k + 1, e.design().name(), e.design().scenario()));
                    results.add(e.results());
                    names.add(e.participant() == null ? "no collaborative" : e.participant().name());
                    planned.add(e.plannedCost());
                }
                Experiment experiment = new Experiment(designs, round.masterSeed(), round.replicates());
                Path folder = exports.resolve(session.room().toLowerCase(java.util.Locale.ROOT) + "-round"
                        + round.number() + "-" + UUID.randomUUID().toString().substring(0, 8));
                Comparison comparison = export.write(folder, experiment, new ReplayExecutor(designs, results), names);
                Path zip = zip(folder);
                Map<String, Object> table = debrief.of(comparison, names, planned);
                synchronized (session) {
                    round.finished(table, zip);
                    round.releaseCounterfactuals();
                }
            } catch (Exception | Error e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.log(Level.SEVERE, "finishing round " + round.number() + " of room " + session.room()
                        + " failed (reference " + reference + ")", e);
                synchronized (session) {
                    round.failedToFinish("the debrief could not be prepared (reference " + reference + ")");
                    round.releaseCounterfactuals();
                }
            }
        });
    }

    /** {@code <folder>.zip} holding the folder under its own name. */
    static Path zip(Path folder) throws IOException {
        Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
        Path root = folder.getParent();
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                var walk = Files.walk(folder)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, z);
                    z.closeEntry();
                }
            }
        }
        return zip;
    }

    @Override
    public void close() throws IOException {
        queue.close();
        timers.shutdownNow();
        finisher.shutdownNow();
        catalogue.close();
        if (!Files.exists(exports)) {
            return;
        }
        try (var walk = Files.walk(exports)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
