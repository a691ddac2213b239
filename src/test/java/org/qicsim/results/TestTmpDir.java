package org.qicsim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Surefire points {@code java.io.tmpdir} at {@code target/tmp} but nothing creates that folder, so
 * {@code @TempDir} fails on a clean build. Test classes using {@code @TempDir} call this from a static
 * initialiser (which runs before JUnit injects the field). Redundant once the build creates the folder.
 */
final class TestTmpDir {
    private TestTmpDir() {
    }

    static void ensureExists() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
