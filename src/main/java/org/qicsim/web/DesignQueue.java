package org.qicsim.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.Experiment;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.RunSpec;

/**
 * The server's bounded queue of designs to run. A few dispatcher threads take one design at a time
 * and run its replicates on the shared {@link RunExecutor} (the local pool, parallel across runs),
 * with the round's {@link CounterfactualCache} so that every design of the round shares one
 * counterfactual per replicate. A full queue refuses new designs (429) rather than growing.
 */
final class DesignQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DesignQueue.class.getName());

    /** One design to run: its entry, the round's cache and master seed, and what to do after. */
    record Job(Entry entry, CounterfactualCache cache, long masterSeed, Runnable after) {
    }

    private final BlockingQueue<Job> queue;
    private final RunExecutor executor;
    private final List<Thread> dispatchers = new ArrayList<>();
    private volatile boolean closed;

    DesignQueue(RunExecutor executor, int capacity, int dispatchers) {
        this.executor = executor;
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < dispatchers; i++) {
            Thread t = new Thread(this::dispatch, "qicsim-workshop-design-" + (i + 1));
            t.setDaemon(true);
            t.start();
            this.dispatchers.add(t);
        }
    }

    /** Queues a design, or 429 when the queue is full. */
    void submit(Job job) {
        if (closed || !queue.offer(job)) {
            throw ApiException.tooMany("the server's run queue is full (" + queue.size()
                    + " designs waiting); try again in a minute");
        }
    }

    int waiting() {
        return queue.size();
    }

    private void dispatch() {
        while (!closed) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            run(job);
        }
    }

    private void run(Job job) {
        Entry entry = job.entry();
        try {
            entry.running();
            List<RunSpec> runs = new Experiment(List.of(entry.design()), job.masterSeed(), entry.replicates()).runs();
            // Announced before any of them starts, so the round's counterfactual is never dropped in between.
            for (RunSpec run : runs) {
                job.cache().expect(run.counterfactualKey(), 1);
            }
            executor.execute(runs, job.cache(), (run, result) -> entry.add(run.replicate(), result));
        } catch (InterruptedException e) {
            entry.failed("the server stopped before this design finished");
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "design " + entry.design().name() + " failed (reference " + reference + ")", e);
            entry.failed("the run failed on the server (reference " + reference + ")");
        } finally {
            try {
                job.after().run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "after a design", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : dispatchers) {
            t.interrupt();
        }
    }
}
