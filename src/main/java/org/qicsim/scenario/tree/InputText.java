package org.qicsim.scenario.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an input file (scenario, experiment, features) as text, defensively: only a regular file
 * (never a device such as {@code /dev/zero}, a FIFO or a directory, which would hang or fill memory),
 * at most {@link #MAX_BYTES} bytes, decoded as strict UTF-8 with the line and column of the first
 * byte that is not UTF-8 (a lone surrogate, Latin-1 text) instead of the JDK's bare
 * "Input length = 1".
 */
public final class InputText {

    /** Largest input file read: far above any scenario or experiment (the biggest bundled one is a few KiB). */
    public static final int MAX_BYTES = 1 << 20;

    private InputText() {
    }

    /**
     * The file's text.
     *
     * @throws NoSuchFileException if it does not exist (callers word that one themselves)
     * @throws TreeSyntaxException if it is not a regular file, too large or not UTF-8, located
     */
    public static String read(Path file, String displayName) throws IOException, TreeSyntaxException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new TreeSyntaxException(Location.ofFile(displayName), Files.isDirectory(file)
                    ? "is a directory, not a file"
                    : "is not a regular file (a device, pipe or socket); only regular files are read");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TreeSyntaxException(Location.ofFile(displayName), "is larger than "
                    + MAX_BYTES / (1 << 20) + " MiB; input files are limited to " + MAX_BYTES + " bytes");
        }
        return decode(bytes, displayName);
    }

    /** Strict UTF-8, reporting where the first malformed byte sequence is. */
    static String decode(byte[] bytes, String displayName) throws TreeSyntaxException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            StringBuilder shown = new StringBuilder();
            for (int i = at; i < Math.min(bytes.length, at + Math.max(1, result.length())); i++) {
                shown.append(shown.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
            }
            throw new TreeSyntaxException(new Location(displayName, line, column), "not valid UTF-8 (byte"
                    + (result.length() > 1 ? "s " : " ") + shown + " at byte offset " + at
                    + "); save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }
}
