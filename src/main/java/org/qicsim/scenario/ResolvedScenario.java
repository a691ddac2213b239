package org.qicsim.scenario;

import java.util.List;

/**
 * A loaded, validated and bound scenario with everything derived from it.
 *
 * @param scenario the bound records
 * @param collaborativePhases the collaborative in force by month: fromMonth strictly increasing,
 *     the first at month 0
 * @param canonicalYaml every key in record-declaration order; loading it again gives this scenario
 * @param sha256 SHA-256 (hex) of {@code canonicalYaml}
 * @param worldCanonicalYaml the world (MODEL.md §3): what the counterfactual arm reads
 * @param worldSha256 SHA-256 (hex) of {@code worldCanonicalYaml}; designs that share it share a counterfactual
 * @param notes keys the user set that the chosen variant ignores (severity NOTE)
 */
public record ResolvedScenario(Scenario scenario, List<CollaborativePhase> collaborativePhases, String canonicalYaml,
        String sha256, String worldCanonicalYaml, String worldSha256, List<Problem> notes) {

    public ResolvedScenario {
        collaborativePhases = List.copyOf(collaborativePhases);
        notes = List.copyOf(notes);
        if (collaborativePhases.isEmpty() || collaborativePhases.get(0).fromMonth() != 0) {
            throw new IllegalArgumentException("the first collaborative phase must start at month 0");
        }
    }

    /** The collaborative in force in month {@code month} (0-based; months before 0 get the first phase). */
    public Collaborative collaborativeAt(int month) {
        Collaborative current = collaborativePhases.get(0).collaborative();
        for (CollaborativePhase phase : collaborativePhases) {
            if (phase.fromMonth() > month) {
                break;
            }
            current = phase.collaborative();
        }
        return current;
    }

    /** The first 8 hex digits of {@link #sha256()}, as used in results folder names. */
    public String hash8() {
        return sha256.substring(0, 8);
    }
}
