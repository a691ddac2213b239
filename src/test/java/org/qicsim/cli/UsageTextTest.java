package org.qicsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders as written: picocli formats option descriptions with
 * {@code String.format}, so a bare {@code %} (as in "95% CI") makes it warn on stderr and print the
 * text unformatted; such a {@code %} must be written {@code %%}.
 */
class UsageTextTest {

    @Test
    void everyCommandsHelpRendersWithoutFormatWarnings() {
        CommandLine root = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        StringBuilder usage = new StringBuilder();
        try {
            for (Map.Entry<String, CommandLine> c : root.getSubcommands().entrySet()) {
                usage.append(c.getValue().getUsageMessage());
            }
        } finally {
            System.setErr(previous);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
        assertThat(usage.toString()).contains("the 95% CI half-width", "95% prediction intervals");
    }
}
