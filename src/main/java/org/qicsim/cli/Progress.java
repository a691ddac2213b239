package org.qicsim.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar of runs done, runs per second and time left, drawn on stderr. It appears only on an
 * interactive console and not under {@code --quiet}; otherwise every method does nothing (the
 * progressbar library would draw into redirected stderr and fill logs with carriage returns).
 * Thread-safe: workers may call {@link #step()} concurrently.
 */
public final class Progress implements AutoCloseable {

    private static final Progress DISABLED = new Progress(null);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code totalRuns} runs, shown iff {@code System.console() != null} and not quiet. */
    public static Progress start(String task, long totalRuns, GlobalOptions options) {
        boolean show = System.console() != null && !options.quiet();
        return show ? drawingTo(task, totalRuns, System.err) : DISABLED;
    }

    /** A bar that always draws, to {@code stream}. */
    static Progress drawingTo(String task, long totalRuns, PrintStream stream) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalRuns)
                .setUnit(" runs", 1)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
        return new Progress(bar);
    }

    /** Whether anything is drawn. */
    public boolean isShown() {
        return bar != null;
    }

    /** One more run done. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** {@code runs} more runs done. */
    public void stepBy(long runs) {
        if (bar != null) {
            bar.stepBy(runs);
        }
    }

    /** A short note after the bar (e.g. a calibration's generation and acceptance rate). */
    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** Draws the final state and ends the line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
