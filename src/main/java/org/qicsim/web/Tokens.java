package org.qicsim.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Room codes and secret tokens from a {@link SecureRandom}. A room code is 8 characters from 31
 * that cannot be confused when read aloud or typed (no 0/O, 1/I/L): about 40 bits, too many to guess
 * under the per-client request limit. A token is 128 random bits, base64url.
 */
final class Tokens {
    static final String ROOM_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int ROOM_LENGTH = 8;
    private static final java.util.regex.Pattern ROOM = java.util.regex.Pattern.compile(
            "[" + ROOM_ALPHABET + "]{" + ROOM_LENGTH + "}");

    private final SecureRandom random = new SecureRandom();

    synchronized String room() {
        StringBuilder out = new StringBuilder(ROOM_LENGTH);
        for (int i = 0; i < ROOM_LENGTH; i++) {
            out.append(ROOM_ALPHABET.charAt(random.nextInt(ROOM_ALPHABET.length())));
        }
        return out.toString();
    }

    synchronized String token() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether a string from a request is shaped like a room code (checked before any lookup). */
    static boolean isRoom(String s) {
        return s != null && ROOM.matcher(s).matches();
    }

    /** Constant-time comparison of secrets. */
    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
