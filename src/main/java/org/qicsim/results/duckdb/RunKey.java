package org.qicsim.results.duckdb;

/** Identity of one run in a sweep: design point (1-based) and replicate (0-based). */
public record RunKey(long point, int replicate) implements Comparable<RunKey> {
    @Override
    public int compareTo(RunKey o) {
        int c = Long.compare(point, o.point);
        return c != 0 ? c : Integer.compare(replicate, o.replicate);
    }
}
