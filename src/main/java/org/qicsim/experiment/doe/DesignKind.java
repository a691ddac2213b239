package org.qicsim.experiment.doe;

import org.qicsim.scenario.YamlEnum;

/** The designs of issue 7, spelled as in the experiment file's {@code design:} key. */
public enum DesignKind implements YamlEnum {
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
    @Override
    public String yamlName() {
        return yamlName;
    }
}
