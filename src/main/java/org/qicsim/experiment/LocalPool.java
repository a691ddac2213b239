package org.qicsim.experiment;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.qicsim.model.RunResult;

/**
 * Runs on a fixed pool of local threads, parallel across runs only (never inside a run). A sliding
 * window of at most {@code 4 × threads} runs is in flight; results are taken in list order, so the
 * sink sees them in run order and memory stays bounded. Runs are taken from the list or iterator
 * only as the window has room.
 */
public final class LocalPool implements RunExecutor {
    private final int threads;
    private final ExecutorService pool;

    public LocalPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "qicsim-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public void execute(List<RunSpec> runs, CounterfactualCache cache, Sink sink)
            throws InterruptedException, IOException {
        execute(runs.iterator(), cache, sink);
    }

    @Override
    public void execute(Iterator<RunSpec> next, CounterfactualCache cache, Sink sink)
            throws InterruptedException, IOException {
        int window = 4 * threads;
        Deque<Future<RunResult>> inFlight = new ArrayDeque<>();
        Deque<RunSpec> pending = new ArrayDeque<>();
        try {
            while (next.hasNext() || !inFlight.isEmpty()) {
                while (next.hasNext() && inFlight.size() < window) {
                    RunSpec run = next.next();
                    pending.addLast(run);
                    inFlight.addLast(pool.submit(() -> RunExecutor.runOne(run, cache)));
                }
                if (inFlight.isEmpty()) {
                    // A stop-aware iterator can end between the two checks above (Ctrl-C): nothing to wait for.
                    break;
                }
                RunResult result = take(inFlight.removeFirst());
                sink.accept(pending.removeFirst(), result);
            }
        } finally {
            for (Future<RunResult> f : inFlight) {
                f.cancel(true);
            }
        }
    }

    private static RunResult take(Future<RunResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw Failures.cause(e);
        }
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
