package org.qicsim.model;

/**
 * The collaborative's calendar (MODEL.md §3): feedback cycles, meetings, site visits, payments and
 * participation decisions, all counted from {@code startMonth}. Pure functions of the month.
 */
final class Calendar {
    private Calendar() {
    }

    /** Feedback iff (t − startMonth) mod everyMonths = 0. */
    static boolean feedback(int t, int start, int everyMonths) {
        return t >= start && (t - start) % everyMonths == 0;
    }

    /** Meeting index k held this month, or −1: t = start + 12y + floor(12k / meetingsPerYear). */
    static int meeting(int t, int start, int meetingsPerYear) {
        if (t < start || meetingsPerYear <= 0) {
            return -1;
        }
        int within = (t - start) % 12;
        for (int k = 0; k < meetingsPerYear; k++) {
            if (12 * k / meetingsPerYear == within) {
                return k;
            }
        }
        return -1;
    }

    /** Meeting k is a plenary iff floor((k+1)·crossGroupShare) > floor(k·crossGroupShare). */
    static boolean plenary(int k, double crossGroupShare) {
        return Math.floor((k + 1) * crossGroupShare) > Math.floor(k * crossGroupShare);
    }

    /** Site visits in collaborative month m = t − start: floor((m+1)·v/12) − floor(m·v/12). */
    static int visits(int t, int start, int perYear) {
        if (t < start) {
            return 0;
        }
        long m = t - start;
        return (int) ((m + 1) * perYear / 12 - m * perYear / 12);
    }

    /** The collaborative year (1-based) that month t falls in; 0 before the start. */
    static int year(int t, int start) {
        return t < start ? 0 : (t - start) / 12 + 1;
    }

    /** y ≥ 1 when t = start + 12y (an anniversary), else 0. */
    static int anniversary(int t, int start) {
        return t > start && (t - start) % 12 == 0 ? (t - start) / 12 : 0;
    }

    /** y ≥ 1 when t = start + 12y − 1 (the last month of collaborative year y), else 0. */
    static int yearEnd(int t, int start) {
        return t >= start && (t - start + 1) % 12 == 0 ? (t - start + 1) / 12 : 0;
    }

    /** y ≥ 1 when t = start + 12y + lag (performance payment for year y), else 0. */
    static int performancePayment(int t, int start, int lag) {
        int m = t - start - lag;
        return m > 0 && m % 12 == 0 ? m / 12 : 0;
    }

    /** Discount factor of month t to the start: (1 + r)^(−(t − start)/12). */
    static double discount(int t, int start, double ratePerYear) {
        return StrictMath.pow(1.0 + ratePerYear, -(t - start) / 12.0);
    }
}
