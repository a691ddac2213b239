package org.qicsim.scenario.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" suggestions for misspelt keys and values: candidates equal ignoring case first,
 * then those within a small edit distance (optimal string alignment, so a swap of two adjacent
 * letters costs 1), nearest first, ties in the candidates' own order.
 */
public final class DidYouMean {

    private static final int MAX_SUGGESTIONS = 3;

    private DidYouMean() {
    }

    /** Up to three candidates close to {@code word}, best first; empty when none is close. */
    public static List<String> among(String word, Collection<String> candidates) {
        String folded = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, folded.length() / 3));
        record Scored(String candidate, int distance, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (String candidate : candidates) {
            int distance = distance(folded, candidate.toLowerCase(Locale.ROOT));
            if (distance <= limit && !candidate.equals(word)) {
                scored.add(new Scored(candidate, distance, order));
            }
            order++;
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
        List<String> out = new ArrayList<>();
        for (Scored s : scored) {
            if (out.size() == MAX_SUGGESTIONS) {
                break;
            }
            out.add(s.candidate());
        }
        return out;
    }

    /** {@code  (did you mean "a" or "b"?)} with a leading space, or an empty string. */
    public static String phrase(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (did you mean ");
        for (int i = 0; i < suggestions.size(); i++) {
            if (i > 0) {
                out.append(i == suggestions.size() - 1 ? " or " : ", ");
            }
            out.append('"').append(suggestions.get(i)).append('"');
        }
        return out.append("?)").toString();
    }

    /** Optimal-string-alignment edit distance. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
