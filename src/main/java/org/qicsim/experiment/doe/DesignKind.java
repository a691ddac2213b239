package org.qicsim.experiment.doe;

/** The designs of issue 7, spelled as in the experiment file's {@code design:} key. */
public enum DesignKind {
    GRID("grid"),
    ONE_AT_A_TIME("oneAtATime"),
    LATIN_HYPERCUBE("lhs"),
    SALTELLI("sobol"),
    MORRIS("morris");

    private final String yamlName;

    DesignKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in the experiment file and in messages. */
    public String yamlName() {
        return yamlName;
    }
}
