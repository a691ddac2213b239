package org.qicsim.scenario;

import org.qicsim.scenario.tree.Location;

/**
 * One thing wrong with (ERROR) or worth knowing about (NOTE) an input file, located at the file,
 * line and column (1-based) of the node that caused it. {@code line} 0 means the file as a whole;
 * {@code path} is the dotted key path, or empty when the problem is not about one key.
 */
public record Problem(Severity severity, String file, int line, int column, String path, String message) {

    public enum Severity { ERROR, NOTE }

    public static Problem error(Location at, String path, String message) {
        return new Problem(Severity.ERROR, at.file(), at.line(), at.column(), path, message);
    }

    public static Problem note(Location at, String path, String message) {
        return new Problem(Severity.NOTE, at.file(), at.line(), at.column(), path, message);
    }

    public Location location() {
        return new Location(file, line, column);
    }

    /**
     * {@code file:line:column: key.path: what is wrong (valid: …)}; notes are prefixed
     * {@code note: }. Parts that are absent (no line, no path) are left out.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (severity == Severity.NOTE) {
            out.append("note: ");
        }
        out.append(location().format()).append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
