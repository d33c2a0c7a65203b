package dev.shipshape.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * What a token looks like: {@code shp_} and 43 URL-safe base64 characters (256 random bits), so that a leaked
 * one is recognisable by secret scanners and in logs; and how it is kept: its SHA-256 in lower-case hex. A
 * slow hash is not needed here (unlike passwords): 256 random bits cannot be guessed from their hash.
 */
final class TokenValue {

    static final String PREFIX = "shp_";
    private static final int RANDOM_BYTES = 32;
    private static final int ID_BYTES = 6;

    private TokenValue() {
    }

    /** A new token value from {@code random} (a {@code SecureRandom} in the product). */
    static String generate(RandomGenerator random) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, RANDOM_BYTES));
    }

    /** A new token id, {@code tok_} and 12 hex digits. */
    static String newId(RandomGenerator random) {
        return "tok_" + HexFormat.of().formatHex(bytes(random, ID_BYTES));
    }

    /** Whether {@code presented} has a token's form: the prefix and 43 URL-safe base64 characters. */
    static boolean wellFormed(String presented) {
        return presented != null && presented.matches(PREFIX + "[A-Za-z0-9_-]{43}");
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] bytes(RandomGenerator random, int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }
}
