package org.qicsim.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Deliberately breaks the model's determinism rules, so that {@code org.qicsim.ArchitectureTest}
 * can show its rules catch them. Test sources only: never used by a test run of the model.
 */
public final class ArchitectureViolations {
    private ArchitectureViolations() {
    }

    static double maths(double x) {
        return Math.exp(x) + Math.log(x) + Math.pow(x, 2) + StrictMath.exp(x);
    }

    static int hashing() {
        Map<String, Integer> unordered = new HashMap<>();
        Set<String> alsoUnordered = new HashSet<>();
        Map<String, Integer> ordered = new LinkedHashMap<>();
        return unordered.size() + alsoUnordered.size() + ordered.size();
    }

    static double randomness() {
        return new Random().nextDouble() + ThreadLocalRandom.current().nextDouble() + Math.random();
    }
}
