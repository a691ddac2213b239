package org.qicsim.scenario.tree;

/**
 * Where a node of a located tree came from: a file name as the user should see it (or a pseudo-file
 * such as {@code --set #2}), and a 1-based line and column. Line 0 means "the file as a whole".
 */
public record Location(String file, int line, int column) {

    /** The location of a whole file (no line or column), for errors such as "cannot read". */
    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /** {@code file:line:column}, or just {@code file} for a whole-file location. */
    public String format() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return format();
    }
}
