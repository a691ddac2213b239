package org.qicsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -cp <test classpath> org.qicsim.cli.Main ARGS} as a separate process, for tests that kill or signal it. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The command line; the child's temporary files go to {@code target/tmp} as in Surefire. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + Path.of("target", "tmp").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the child with stdout and stderr to files in {@code dir}, named after {@code name}. */
    static Process start(Path dir, String name, String... args) throws IOException {
        Files.createDirectories(Path.of("target", "tmp"));
        return new ProcessBuilder(command(args))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }
}
