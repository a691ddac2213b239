package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code qicsim serve}'s options are checked before anything starts (the server itself: org.qicsim.web tests). */
class ServeCommandTest {

    @Test
    void badOptionsExitWithTwoAndAClearMessage() {
        CliRun port = CliRun.of("serve", "--port", "70000");
        assertThat(port.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(port.err()).contains("--port must be 0 to 65535, was 70000").doesNotContain("Exception");
        CliRun bind = CliRun.of("serve", "--bind", "no-such-host.invalid");
        assertThat(bind.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(bind.err()).contains("--bind: unknown address");
        CliRun queued = CliRun.of("serve", "--max-queued", "0");
        assertThat(queued.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(CliRun.of("serve", "--help").out()).contains("--bind").contains("--port").contains("--max-queued");
    }
}
