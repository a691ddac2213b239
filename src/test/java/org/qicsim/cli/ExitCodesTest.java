package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.qicsim.results.UserInputException;

class ExitCodesTest {

    @Test
    void classifiesByTypeAfterRemovingExecutorWrappers() {
        assertThat(ExitCodes.of(new UserInputException("x"))).isEqualTo(2);
        assertThat(ExitCodes.of(new CompletionException(new ExecutionException(new UserInputException("x")))))
                .isEqualTo(2);
        assertThat(ExitCodes.of(new InterruptedException())).isEqualTo(130);
        assertThat(ExitCodes.of(new ClosedByInterruptException())).isEqualTo(130);
        assertThat(ExitCodes.of(new IllegalArgumentException("bug"))).isEqualTo(1);
        // A cause that is not an executor wrapper is not looked through: the failure is the wrapper's.
        assertThat(ExitCodes.of(new RuntimeException(new UserInputException("x")))).isEqualTo(1);
    }
}
