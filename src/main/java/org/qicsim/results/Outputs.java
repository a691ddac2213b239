package org.qicsim.results;

import java.io.Closeable;
import java.io.IOException;

/** Closing output files: several at once, or one after a failure. */
public final class Outputs {
    private Outputs() {
    }

    /**
     * Closes {@code output} after {@code failure} has happened, keeping {@code failure} as the one the
     * caller rethrows: a failure to close is added to it as suppressed rather than hiding it.
     */
    public static void closeAfter(Throwable failure, Closeable output) {
        try {
            output.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    /**
     * Closes every output, in order, even when one of them fails, so that no file is left open
     * because an earlier one could not be flushed; the first failure is thrown with the others
     * suppressed in it. {@code null} entries are skipped.
     *
     * @param first a failure that happened before the closing (may be null); it stays the one thrown
     */
    public static void closeAll(IOException first, Iterable<? extends Closeable> outputs) throws IOException {
        IOException failure = first;
        for (Closeable output : outputs) {
            if (output == null) {
                continue;
            }
            try {
                output.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
