package org.qicsim.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.qicsim.analysis.cea.Perspective;
import org.qicsim.experiment.Attribution;
import org.qicsim.experiment.Comparison;
import org.qicsim.experiment.DesignSpec;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.Features;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.KeyOverride;
import org.qicsim.scenario.ResolvedScenario;
import org.qicsim.scenario.ScenarioException;

/**
 * The workshop application behind the HTTP layer: the rooms, the bundled catalogue, the design
 * queue on the run executor, the round timers, the finishing of rounds (results folder, zip,
 * cost-effectiveness) and the debrief's attributions (one at a time on their own thread, their runs
 * on the shared executor). Knows nothing of HTTP.
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

    /** The debrief's cost-effectiveness: society's costs, WTP the room scenario's cost of one adverse event. */
    static final Perspective PERSPECTIVE = Perspective.SOCIETAL;
    static final String WTP_SOURCE = "costs.perAdverseEvent of the room's scenario";
    /** Bootstrap resamples of an attribution ({@code qicsim attribute}'s default). */
    static final int RESAMPLES = 2000;
    /**
     * The replicates the page offers for a site round's attribution (the facilitator may choose 1 to
     * {@link Session#MAX_REPLICATES}); its designs ran once each.
     */
    static final int SITE_ATTRIBUTION_REPLICATES = 3;
    /** Attributions that may wait while one runs; more are refused with 429. */
    static final int MAX_ATTRIBUTIONS_WAITING = 8;

    private final Catalogue catalogue;
    private final Features features;
    private final RunExecutor executor;
    private final DesignQueue queue;
    private final CompareExport export;
    private final AttributionExport attributionExport;
    private final ThreadPoolExecutor attributions;
    private final Set<AttributionTask> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger zipVersions = new AtomicInteger();
    private final Tokens tokens = new Tokens();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final ExecutorService finisher;
    private final Path exports;
    private final Settings settings;

    /**
     * @param executor          runs every simulation: designs and attributions (the local pool)
     * @param export            writes a round's results folder
     * @param attributionExport runs a debrief's attribution into an attribute folder inside it
     */
    public Workshop(RunExecutor executor, CompareExport export, AttributionExport attributionExport, Settings settings)
            throws IOException {
        this.catalogue = Catalogue.extract();
        try {
            this.features = Features.load(catalogue.features());
        } catch (ScenarioException e) {
            throw new IllegalStateException("the bundled features file is invalid:\n" + e.format(), e);
        }
        this.executor = executor;
        this.queue = new DesignQueue(executor, settings.maxQueuedDesigns(), settings.dispatchers());
        this.export = export;
        this.attributionExport = attributionExport;
        // One attribution at a time (its runs are parallel on the executor); a few may wait.
        this.attributions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_ATTRIBUTIONS_WAITING), daemon("qicsim-workshop-attribution"));
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
        sessions.values().removeIf(s -> {
            boolean drop = s.lastActivity().isBefore(limit) && !busy(s);
            if (drop) {
                s.close();
            }
            return drop;
        });
    }

    private static boolean busy(Session s) {
        Round r = s.round();
        SiteRound site = s.siteRound();
        return r != null && (r.open() || r.phase() == Round.Phase.CLOSING || r.phase() == Round.Phase.FINISHING)
                || site != null && site.running();
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
                double wtp = wtp(session);
                Comparison comparison = export.write(folder, experiment, new ReplayExecutor(designs, results), names,
                        PERSPECTIVE, wtp);
                Path zip = zip(folder, 0);
                Map<String, Object> table = CostEffectivenessTable.of(comparison, round.masterSeed(), names, planned,
                        PERSPECTIVE, wtp);
                List<Debrief.Attributable> attributable = new ArrayList<>();
                for (int k = 1; k < all.size(); k++) {
                    Entry e = all.get(k);
                    attributable.add(new Debrief.Attributable(k + 1, (k + 1) + "-" + e.design().name(),
                            e.participant().name(), e.levers()));
                }
                Debrief debrief = new Debrief(table, folder, zip, round.masterSeed(), round.replicates(), false,
                        attributable);
                synchronized (session) {
                    round.finished(debrief);
                    round.releaseCounterfactuals();
                }
                int best = CostEffectivenessTable.best(comparison);
                if (best > 0) {
                    try {
                        attribute(session, debrief, best + 1, round.replicates());
                    } catch (ApiException busy) {
                        LOG.warning("room " + session.room() + ": the best design's attribution was not queued: "
                                + busy.getMessage());
                    }
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

    /**
     * Writes a finished site round's results folder through the same export as a design round's
     * ({@link CompareExport}: a {@code compare} folder that {@code qicsim report} and {@code qicsim
     * query} read) with three designs of one replicate each, the same world and seed: 1 no
     * collaborative (the reference), 2 every hospital following the model, 3 the round as played;
     * then adds {@code choices.csv}, the participants' choices ({@link SiteChoices}), and zips it.
     * Off the run thread; a failure is logged and shown on the pages, never thrown.
     */
    void finishSite(Session session, SiteRound round) {
        finisher.execute(() -> {
            try {
                List<DesignSpec> designs = List.of(
                        new DesignSpec(1, "no-collaborative", round.noCollaborativeScenario()),
                        new DesignSpec(2, "model", round.scenario()),
                        new DesignSpec(3, "played", round.scenario()));
                List<List<RunResult>> results = List.of(List.of(round.noCollaborative()), List.of(round.modelOnly()),
                        List.of(round.played()));
                List<String> leaders = new ArrayList<>();
                for (SiteRound.Player p : round.leaders()) {
                    leaders.add(p.participant.name() + " (hospital " + (p.site + 1) + ")");
                }
                List<String> names = List.of("no collaborative", "every hospital follows the model",
                        "played by " + String.join(", ", leaders));
                Experiment experiment = new Experiment(designs, round.masterSeed(), 1);
                Path folder = exports.resolve(session.room().toLowerCase(java.util.Locale.ROOT) + "-site-round"
                        + round.number() + "-" + UUID.randomUUID().toString().substring(0, 8));
                double wtp = wtp(session);
                Comparison comparison = export.write(folder, experiment, new ReplayExecutor(designs, results), names,
                        PERSPECTIVE, wtp);
                SiteChoices.write(folder.resolve(SiteChoices.FILE), round);
                Path zip = zip(folder, 0);
                double planned = DesignBudget.plannedCost(round.scenario().scenario());
                Map<String, Object> table = CostEffectivenessTable.of(comparison, round.masterSeed(), names,
                        List.of(0.0, planned, planned), PERSPECTIVE, wtp);
                // The participants' answers cannot be switched on and off like features, so what can be
                // attributed is the room's design itself, every hospital following the model: its
                // replicate 1 is design 2's run (the same scenario and seed).
                List<Debrief.Attributable> attributable = List.of(new Debrief.Attributable(2, "2-model",
                        "the room's design (every hospital follows the model)", Map.of()));
                round.analysis(new Debrief(table, folder, zip, round.masterSeed(), SITE_ATTRIBUTION_REPLICATES, true,
                        attributable));
            } catch (Exception | Error e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.log(Level.SEVERE, "writing the results of site round " + round.number() + " of room "
                        + session.room() + " failed (reference " + reference + ")", e);
                round.resultsFailed("the results folder could not be written (reference " + reference + ")");
            }
        });
    }

    /**
     * Queues the five-feature attribution of design {@code design} (its number in the round's
     * results folder) of a finished round's debrief, design or site round alike, with
     * {@code replicates} replicates under the round's master seed; returns at once. Asking again for
     * a design already attributed (or being attributed) changes nothing.
     *
     * @throws ApiException 409 when another of the debrief's attributions is pending, 404 for no
     *     such design, 429 when the server's attribution queue is full
     */
    void attribute(Session session, Debrief debrief, int design, int replicates) {
        AttributionTask task;
        synchronized (debrief) {
            Debrief.Attributable chosen = debrief.attributable(design);
            if (chosen == null) {
                List<Integer> numbers = debrief.attributable().stream().map(Debrief.Attributable::design).toList();
                throw ApiException.notFound("no design " + design + " to attribute in this round (designs "
                        + numbers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " may be attributed)");
            }
            for (AttributionTask t : debrief.attributions()) {
                if (t.design() == design && t.status() != AttributionTask.Status.FAILED) {
                    return;
                }
                if (t.pending()) {
                    throw ApiException.conflict("the attribution of " + t.label() + " is still being computed; "
                            + "wait for it to finish");
                }
            }
            int designs = 1 << features.ids().size();
            task = new AttributionTask(design, chosen.label(), chosen.name(), replicates, designs * replicates);
            try {
                attributions.execute(() -> runAttribution(session, debrief, chosen, replicates, task));
            } catch (RejectedExecutionException e) {
                throw ApiException.tooMany("the server is computing other rooms' debriefs; try again in a minute");
            }
            debrief.add(task);
        }
    }

    private void runAttribution(Session session, Debrief debrief, Debrief.Attributable design, int replicates,
            AttributionTask task) {
        running.add(task);
        try {
            task.planning();
            List<KeyOverride> overrides = new ArrayList<>(Levers.parse(design.levers()));
            overrides.add(KeyOverride.of("seed", debrief.masterSeed(), "workshop"));
            overrides.add(KeyOverride.of("replications", replicates, "workshop"));
            Attribution plan;
            try {
                plan = Attribution.plan(features, session.file(), overrides);
            } catch (ScenarioException e) {
                LOG.warning("room " + session.room() + ": design " + task.label() + " cannot be attributed:\n"
                        + e.format());
                task.failed("this design cannot be attributed: switching its features off makes an invalid design");
                return;
            }
            task.running(plan.experiment().runs().size());
            Path folder = debrief.folder().resolve(task.folderName());
            Attribution.Result result = attributionExport.write(folder, plan, executor, task::step, task.stop(),
                    PERSPECTIVE, wtp(session), WTP_SOURCE, RESAMPLES);
            Path zip = zip(debrief.folder(), zipVersions.incrementAndGet());
            synchronized (debrief) {
                debrief.zip(zip);
                task.done(AttributionTask.render(features, result));
            }
            LOG.info("room " + session.room() + " " + debrief.folder().getFileName() + ": attribution of "
                    + task.label() + " done (" + plan.experiment().runs().size() + " runs)");
        } catch (InterruptedException e) {
            task.failed("the server stopped before the attribution finished");
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "attribution of " + task.label() + " in room " + session.room() + " failed (reference "
                    + reference + ")", e);
            task.failed("the attribution failed on the server (reference " + reference + ")");
        } finally {
            running.remove(task);
        }
    }

    /** The willingness to pay per event averted: the room scenario's cost of one adverse event. */
    private static double wtp(Session session) {
        return session.scenario().costs().perAdverseEvent();
    }

    /** The features the debrief attributes to. */
    Features features() {
        return features;
    }

    /**
     * {@code <folder>[-<version>].zip} holding the folder under its own name; a new version each time
     * an attribution is added, so a download in progress keeps reading the file it opened.
     */
    static Path zip(Path folder, int version) throws IOException {
        Path zip = folder.resolveSibling(folder.getFileName() + (version == 0 ? "" : "-" + version) + ".zip");
        Path root = folder.getParent();
        Path tmp = folder.resolveSibling(zip.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out);
                var walk = Files.walk(folder)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, z);
                    z.closeEntry();
                }
            }
        }
        return Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        for (Session s : sessions.values()) {
            s.close();
        }
        queue.close();
        for (AttributionTask t : running) {
            t.stop().request();
        }
        attributions.shutdownNow();
        timers.shutdownNow();
        finisher.shutdownNow();
        // A results folder being written as the server closes (a site round that just finished)
        // would otherwise add files while the exports folder is deleted below.
        // Likewise an attribution told to stop: its session commits the runs it stored and closes its
        // .partial folder before the folder can be deleted.
        try {
            finisher.awaitTermination(30, TimeUnit.SECONDS);
            attributions.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
