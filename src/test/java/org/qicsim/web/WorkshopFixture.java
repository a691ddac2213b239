package org.qicsim.web;

import java.io.IOException;
import org.qicsim.cli.GlobalOptions;
import org.qicsim.cli.WorkshopCompareExport;
import org.qicsim.experiment.LocalPool;

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
        pool = new LocalPool(2);
        workshop = new Workshop(pool, new WorkshopCompareExport(new GlobalOptions()), settings);
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
}
