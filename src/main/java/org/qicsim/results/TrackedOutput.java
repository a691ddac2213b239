package org.qicsim.results;

import java.io.Closeable;

/**
 * An output that a {@link ResultsFolder} tracks so it can refuse to publish the folder while the
 * output is still open (on Windows an open file also blocks the rename).
 */
interface TrackedOutput extends Closeable {
    boolean isOpen();
}
