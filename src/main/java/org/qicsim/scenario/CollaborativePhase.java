package org.qicsim.scenario;

/**
 * The collaborative in force from {@code fromMonth} (0-based) until the next phase starts: the
 * file's {@code collaborative} with every {@code schedule} entry up to that month applied.
 */
public record CollaborativePhase(int fromMonth, Collaborative collaborative) {
}
