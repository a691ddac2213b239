package org.qicsim.results;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that makes one process at a time the writer of a results folder: an operating-system
 * lock ({@link FileChannel#tryLock()}) on {@value #FILE} inside the folder. The OS drops it when
 * its process ends however it ends, so a folder left by a killed process is never blocked by a
 * stale lock; the file itself may stay and means nothing without the lock.
 */
final class FolderLock implements AutoCloseable {
    /** The lock file's name inside a {@code .partial} folder. */
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder}.
     *
     * @throws FolderInUseException if another process (or another command in this JVM) holds it
     */
    static FolderLock take(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new FolderInUseException(folder);
        }
        return new FolderLock(channel, lock);
    }

    /** Releases the lock; the file stays (deleting it would let a third process lock a new file beside ours). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }

    /** Releases the lock and deletes the file, now at {@code folder} (the published folder). */
    void closeAndDelete(Path folder) throws IOException {
        try {
            Files.deleteIfExists(folder.resolve(FILE));
        } finally {
            close();
        }
    }
}
