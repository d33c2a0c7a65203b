package dev.shipshape.sessions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a session cookie holds: {@code shs_} and 43 URL-safe base64 characters (256 random bits); how it is kept
 * (its SHA-256 in hex: 256 random bits cannot be guessed from their hash); and its CSRF token, an HMAC-SHA256
 * keyed by the value, so that only who holds the cookie's value (the server, the browser) can know it.
 */
final class SessionValue {

    static final String PREFIX = "shs_";
    private static final int RANDOM_BYTES = 32;

    private SessionValue() {
    }

    static String generate(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String presented) {
        return presented != null && presented.matches(PREFIX + "[A-Za-z0-9_-]{43}");
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String csrf(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal("shipshape csrf".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
