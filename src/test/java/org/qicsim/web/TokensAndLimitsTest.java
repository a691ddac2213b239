package org.qicsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Room codes, tokens and the per-client request limit. */
class TokensAndLimitsTest {

    @Test
    void roomCodesHaveTheirShapeAndDoNotRepeat() {
        Tokens tokens = new Tokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String room = tokens.room();
            assertThat(Tokens.isRoom(room)).as(room).isTrue();
            assertThat(room).doesNotContain("0", "O", "1", "I", "L");
            seen.add(room);
        }
        assertThat(seen).hasSize(2000);
        assertThat(Tokens.isRoom("ABCDEFG")).isFalse();
        assertThat(Tokens.isRoom("abcdefgh")).isFalse();
        assertThat(Tokens.isRoom(null)).isFalse();
        assertThat(tokens.token()).hasSize(22).isNotEqualTo(tokens.token());
    }

    @Test
    void aClientGetsItsBurstThenItsRate() {
        RateLimiter limiter = new RateLimiter(5, 2);
        long t = 1_000_000_000L;
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.allow("a", t)).isTrue();
        }
        assertThat(limiter.allow("a", t)).isFalse();
        assertThat(limiter.allow("b", t)).as("another client has its own bucket").isTrue();
        assertThat(limiter.allow("a", t + 500_000_000L)).as("one request refilled after 0.5 s at 2/s").isTrue();
        assertThat(limiter.allow("a", t + 500_000_000L)).isFalse();
    }
}
