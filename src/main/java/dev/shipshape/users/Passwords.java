package dev.shipshape.users;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing: Argon2id through Spring Security's encoder (over Bouncy Castle), with its current
 * recommended cost (16 MiB, 2 iterations, 16-byte salt, 32-byte hash). The hash is a PHC string
 * ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}) that carries its own salt and parameters.
 */
public final class Passwords {

    /** Shorter passwords are refused: a hash does not make a guessable password safe. */
    public static final int MINIMUM_LENGTH = 12;

    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    private Passwords() {
    }

    /** @throws ShipshapeException INVALID_INPUT for a password shorter than {@link #MINIMUM_LENGTH} */
    public static String hash(CharSequence password) {
        if (password.length() < MINIMUM_LENGTH) {
            throw new ShipshapeException(Code.INVALID_INPUT, "the password is too short: use at least "
                    + MINIMUM_LENGTH + " characters");
        }
        return ENCODER.encode(password);
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a malformed hash. */
    public static boolean matches(CharSequence password, String hash) {
        return hash != null && ENCODER.matches(password, hash);
    }
}
