package org.qicsim.model;

/**
 * The process records of the collaborative arm (MODEL.md §6 S2p): per site and month, the practice
 * opportunities of the month's recorded cases (cases × counted practices), how many of them were
 * delivered (executed), how many were documented as done, and how many would have been documented
 * without gaming by documentation (the ungamed copy of the same draws). Kept for the whole horizon;
 * made only in a design that measures or pays on a process indicator in some month.
 */
final class ProcessRecords {
    final int[][] opportunities;
    final int[][] delivered;
    final int[][] documented;
    final int[][] documentedUngamed;
    /** Per site: the latest feedback cycle's process report names a practice the site missed. */
    final boolean[] namesMissed;

    ProcessRecords(int sites, int months) {
        this.opportunities = new int[months][sites];
        this.delivered = new int[months][sites];
        this.documented = new int[months][sites];
        this.documentedUngamed = new int[months][sites];
        this.namesMissed = new boolean[sites];
    }

    /** A deep copy (the pre-launch fork's, MODEL.md §3). */
    ProcessRecords copy(int months) {
        ProcessRecords c = new ProcessRecords(namesMissed.length, months);
        for (int t = 0; t < Math.min(months, opportunities.length); t++) {
            System.arraycopy(opportunities[t], 0, c.opportunities[t], 0, namesMissed.length);
            System.arraycopy(delivered[t], 0, c.delivered[t], 0, namesMissed.length);
            System.arraycopy(documented[t], 0, c.documented[t], 0, namesMissed.length);
            System.arraycopy(documentedUngamed[t], 0, c.documentedUngamed[t], 0, namesMissed.length);
        }
        System.arraycopy(namesMissed, 0, c.namesMissed, 0, namesMissed.length);
        return c;
    }

    /** Sums over months [from, to] (months before 0 hold nothing) of one table for a site. */
    static long sum(int[][] table, int site, int from, int to) {
        long s = 0;
        for (int t = Math.max(0, from); t <= to && t < table.length; t++) {
            s += table[t][site];
        }
        return s;
    }
}
