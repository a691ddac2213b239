package org.qicsim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The POM points java.io.tmpdir at target/tmp for tests but nothing creates that folder, so
 * JUnit's {@code @TempDir} fails on a clean checkout. Test classes that use {@code @TempDir} call
 * {@link #ensureTmpDir()} from a {@code @BeforeAll} until the build creates the folder itself.
 */
public final class TestDirs {

    private TestDirs() {
    }

    public static void ensureTmpDir() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
