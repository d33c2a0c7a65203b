package dev.shipshape.app;

import dev.shipshape.sessions.LoginThrottle;
import dev.shipshape.sessions.Sessions;
import dev.shipshape.users.Passwords;
import dev.shipshape.users.User;
import dev.shipshape.users.Users;
import java.time.Duration;
import java.util.Optional;

/**
 * Signing in to the server with a user name and password (a browser's way in; scripts use API tokens), and
 * signing out. Attempts are throttled per user name and per address; an unknown user, a user without a password
 * and a disabled user are refused with the same words as a wrong password, after the same amount of hashing.
 */
public final class SignIn {

    private static final String REFUSED = "the user name or the password is wrong";

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public SignIn(Users users, Sessions sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** What a sign-in came to. */
    public sealed interface Outcome {

        record SignedIn(User user, Sessions.Started started) implements Outcome {
        }

        record Refused(String message) implements Outcome {
        }

        /** Too many failures lately for this user or address; the password was not checked. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    /** @param address where the attempt came from, counted by the throttle */
    public Outcome signIn(String user, String password, String address) {
        Optional<Duration> wait = throttle.waitFor(user, address);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        Optional<User> found = users.find(user).filter(u -> !u.disabled());
        String hash = found.flatMap(u -> users.passwordHash(u.name())).orElse(null);
        boolean matches = hash == null ? spendAsLong(password) : Passwords.matches(password, hash);
        if (!matches) {
            throttle.failed(user, address);
            return new Outcome.Refused(REFUSED);
        }
        throttle.succeeded(user);
        return new Outcome.SignedIn(found.get(), sessions.start(found.get().name()));
    }

    /** Ends the session whose cookie holds {@code value}; nothing when it is not one. */
    public void signOut(String value) {
        sessions.end(value);
    }

    /** Checks the password against a hash nobody has, so that a missing user takes as long as a wrong password. */
    private static boolean spendAsLong(String password) {
        Passwords.matches(password, Unmatchable.HASH);
        return false;
    }

    private static final class Unmatchable {
        static final String HASH = Passwords.hash("no user has this password " + System.nanoTime());
    }
}
