package org.qicsim.experiment.doe;

/**
 * A design or factor the experiment file asked for that cannot be generated. It names what to
 * blame so the experiment-file loader can point at the offending YAML node: the factor's key
 * path (null for a problem with the design itself) and the parameter (for example {@code n},
 * {@code levels}, {@code sd}; null when the factor as a whole is at fault).
 */
public final class DesignException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String factor;
    private final String parameter;

    public DesignException(String factor, String parameter, String message) {
        super(message);
        this.factor = factor;
        this.parameter = parameter;
    }

    /** Key path of the factor at fault, or null when the design itself is at fault. */
    public String factor() {
        return factor;
    }

    /** The parameter at fault ({@code n}, {@code levels}, {@code sd}, ...), or null. */
    public String parameter() {
        return parameter;
    }

    static DesignException ofDesign(String parameter, String message) {
        return new DesignException(null, parameter, message);
    }
}
