package org.qicsim.analysis.attribution;

/**
 * Cooperative games on {@code n} players stored as {@code v[mask]}, {@code 0 ≤ mask < 2^n}: bit
 * {@code i} of {@code mask} set means player (feature) {@code i} is in the coalition (switched on).
 * {@code v[0]} is the value with every feature off, {@code v[2^n − 1]} with every feature on.
 */
final class Games {
    /** More players than this would make 2^n designs absurd anyway; it also keeps n! in a long. */
    static final int MAX_PLAYERS = 20;

    private Games() {
    }

    /** The number of players of a game with {@code length} values; throws unless a power of two. */
    static int players(double[] v) {
        int length = v.length;
        if (length < 2 || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("a game on n players has 2^n values (n >= 1), got " + length);
        }
        int n = Integer.numberOfTrailingZeros(length);
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("at most " + MAX_PLAYERS + " players, got " + n);
        }
        return n;
    }
}
