package org.qicsim.web;

/**
 * One participant of a session: a display name (bounded, never used in a path), a join number
 * (their design's position, after the reference, in the results folder) and a secret token.
 */
record Participant(int number, String name, String token) {

    /** Names: letters, digits, spaces and {@code . _ -}, 1 to 24 characters. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._-]{1,24}");

    /** The folder name of this participant's design: {@code p01}, {@code p02}, … */
    String designName() {
        return String.format(java.util.Locale.ROOT, "p%02d", number);
    }
}
