package org.qicsim.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qicsim.experiment.LocalPool;
import org.qicsim.results.UserInputException;
import org.qicsim.web.Workshop;
import org.qicsim.web.WorkshopServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qicsim serve}: the workshop server (docs/WORKSHOPS.md). A facilitator opens a room from a
 * bundled or uploaded scenario; participants design collaboratives for the same world within a
 * budget, run under common random numbers on this machine's threads. Loopback only unless
 * {@code --bind} says otherwise, with a warning. Runs until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a workshop server: a facilitator and participants design collaboratives in the browser.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "0.0.0.0 or a LAN address shares the server with the network: see the warning it prints.")
    private String bind;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "64",
            description = "Designs that may wait to run at once; more are refused with 429 (default: ${DEFAULT-VALUE}).")
    private int maxQueued;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be 0 to 65535, was " + port);
        }
        if (maxQueued < 1 || maxQueued > 1000) {
            throw new UserInputException("--max-queued must be 1 to 1000, was " + maxQueued);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserInputException("--bind: unknown address " + bind + " (valid: 127.0.0.1, 0.0.0.0 or an address of this machine)");
        }
        GlobalOptions options = GlobalOptions.of(spec);
        Workshop.Settings defaults = Workshop.Settings.defaults(options.threads());
        Workshop.Settings settings = new Workshop.Settings(maxQueued, defaults.dispatchers(), defaults.burst(),
                defaults.perSecond());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch cleaned = new CountDownLatch(1);
        try (LocalPool pool = new LocalPool(options.threads());
                Workshop workshop = new Workshop(pool, new WorkshopCompareExport(options),
                        new WorkshopAttributionExport(), settings)) {
            WorkshopServer server;
            try {
                server = WorkshopServer.start(workshop, address.getHostAddress(), port);
            } catch (BindException e) {
                throw new UserInputException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                        + "); choose another --port");
            }
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
                try {
                    // Let the command close the workshop (its temporary folders) before the JVM halts.
                    cleaned.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "qicsim-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            if (!address.isLoopbackAddress()) {
                err.println("warning: serving on " + bind + ": anyone who can reach this machine on port "
                        + server.address().getPort() + " can open the pages and join a room whose code they know. "
                        + "Use it only on a network you trust, and stop the server after the workshop.");
            }
            String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
            if (host.contains(":")) {
                host = "[" + host + "]";
            }
            out.println("qicsim workshop server: http://" + host + ":" + server.address().getPort() + "/ (Ctrl-C to stop)");
            out.flush();
            err.flush();
            stopped.await();
            return ExitCodes.OK;
        } finally {
            cleaned.countDown();
        }
    }
}
