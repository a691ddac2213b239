package org.qicsim.scenario.tree;

/** A file that is not well-formed YAML or JSON, or not a tree this parser accepts; located, no stack trace needed. */
public final class TreeSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public TreeSyntaxException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
