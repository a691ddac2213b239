package org.qicsim.experiment;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop an experiment (a run, a comparison, a sweep) between runs, and word that it
 * has: Ctrl-C's shutdown hook (or a test) calls {@link #request()} and waits in
 * {@link #awaitStopped}; the experiment takes no new runs, lets the runs in flight finish and
 * writes them, closes its files so that they hold only whole rows, and then its owner calls
 * {@link #stopped()}.
 */
public final class StopSignal {
    private volatile boolean requested;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public void request() {
        requested = true;
    }

    public boolean isRequested() {
        return requested;
    }

    /** Called by the sweep once its files are consistent, whether it stopped early or finished. */
    public void stopped() {
        stopped.countDown();
    }

    /** Waits up to {@code timeout} for {@link #stopped()}; true if it came. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }
}
