package org.qicsim.results;

import java.nio.file.Path;

/** An output folder named by the user ({@code --out}) already exists; qicsim never overwrites it. */
public final class TargetExistsException extends UserInputException {
    private static final long serialVersionUID = 1L;

    private final transient Path target;

    public TargetExistsException(Path target, String message) {
        super(message);
        this.target = target;
    }

    /** The existing path. */
    public Path target() {
        return target;
    }
}
