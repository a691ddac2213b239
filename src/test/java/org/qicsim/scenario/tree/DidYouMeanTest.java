package org.qicsim.scenario.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> KEYS = List.of("count", "baselineRate", "heterogeneity", "qiBudget", "volume");

    @Test
    void findsDroppedSwappedAndWrongLetters() {
        assertThat(DidYouMean.among("heterogenity", KEYS)).containsExactly("heterogeneity");
        assertThat(DidYouMean.among("cuont", KEYS)).containsExactly("count");
        assertThat(DidYouMean.among("volumr", KEYS)).containsExactly("volume");
    }

    @Test
    void matchesIgnoringCaseFirst() {
        assertThat(DidYouMean.among("BaselineRate", KEYS)).containsExactly("baselineRate");
        assertThat(DidYouMean.among("qibudget", KEYS)).containsExactly("qiBudget");
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertThat(DidYouMean.among("meetingsPerYear", KEYS)).isEmpty();
        assertThat(DidYouMean.among("x", KEYS)).isEmpty();
    }

    @Test
    void distanceCountsAnAdjacentSwapAsOneEdit() {
        assertThat(DidYouMean.distance("abcd", "abdc")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void phraseListsAlternatives() {
        assertThat(DidYouMean.phrase(List.of("a"))).isEqualTo(" (did you mean \"a\"?)");
        assertThat(DidYouMean.phrase(List.of("a", "b", "c"))).isEqualTo(" (did you mean \"a\", \"b\" or \"c\"?)");
        assertThat(DidYouMean.phrase(List.of())).isEmpty();
    }
}
