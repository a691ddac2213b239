package org.qicsim.web;

import java.io.IOException;
import org.qicsim.cli.GlobalOptions;
import org.qicsim.cli.WorkshopAttributionExport;
import org.qicsim.cli.WorkshopCompareExport;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.qicsim.experiment.CounterfactualCache;
import org.qicsim.experiment.LocalPool;
import org.qicsim.experiment.RunExecutor;
import org.qicsim.experiment.RunSpec;

/** A workshop server on a free loopback port, as {@code qicsim serve} starts it, for tests. */
final class WorkshopFixture implements AutoCloseable {

    /** A tiny world for fast rounds: 8 sites, one baseline and one collaborative year. */
    static final String TINY = "name: tiny\nextends: michigan-cqi.yaml\nhorizonMonths: 24\nsites: {count: 8}\n";

    final LocalPool pool;
    final Workshop workshop;
    final WorkshopServer server;
    final String base;

    WorkshopFixture() throws IOException {
        this(Workshop.Settings.defaults(2));
    }

    WorkshopFixture(Workshop.Settings settings) throws IOException {
        this(settings, null);
    }

    /**
     * A server whose runs wait until {@code gate} opens (null: no gate): how a test holds the
     * design queue's dispatchers busy for as long as it needs, whatever the machine's speed.
     */
    WorkshopFixture(Workshop.Settings settings, CountDownLatch gate) throws IOException {
        this(settings, gate, new WorkshopAttributionExport());
    }

    /** As above, the debrief's attributions written by {@code attributionExport}. */
    WorkshopFixture(Workshop.Settings settings, CountDownLatch gate, AttributionExport attributionExport)
            throws IOException {
        pool = new LocalPool(2);
        RunExecutor executor = gate == null ? pool : new GatedExecutor(pool, gate);
        workshop = new Workshop(executor, new WorkshopCompareExport(new GlobalOptions()), attributionExport, settings);
        server = WorkshopServer.start(workshop, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.address().getPort();
    }

    ApiClient client() {
        return new ApiClient(base);
    }

    @Override
    public void close() throws IOException {
        server.close();
        workshop.close();
        pool.close();
    }

    /** Runs on the pool once the gate is open. */
    private static final class GatedExecutor implements RunExecutor {
        private final RunExecutor pool;
        private final CountDownLatch gate;

        GatedExecutor(RunExecutor pool, CountDownLatch gate) {
            this.pool = pool;
            this.gate = gate;
        }

        @Override
        public void execute(List<RunSpec> runs, CounterfactualCache cache, Sink sink)
                throws InterruptedException, IOException {
            gate.await();
            pool.execute(runs, cache, sink);
        }

        @Override
        public void execute(Iterator<RunSpec> runs, CounterfactualCache cache, Sink sink)
                throws InterruptedException, IOException {
            gate.await();
            pool.execute(runs, cache, sink);
        }

        @Override
        public int threads() {
            return pool.threads();
        }

        @Override
        public String name() {
            return pool.name();
        }

        @Override
        public void close() {
            // The fixture closes the pool.
        }
    }
}
