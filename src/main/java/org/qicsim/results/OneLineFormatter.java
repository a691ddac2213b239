package org.qicsim.results;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code LEVEL message} on one line, for the console and each results folder's {@code log.txt}, so
 * that the two read the same. A thrown exception adds its {@code toString()} to the same line; stack
 * traces are the command line's business ({@code --debug}).
 */
public final class OneLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(80)
                .append(record.getLevel().getName())
                .append(' ')
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            line.append(": ").append(record.getThrown());
        }
        return line.append('\n').toString();
    }
}
