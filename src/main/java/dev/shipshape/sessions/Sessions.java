package dev.shipshape.sessions;

import dev.shipshape.users.User;
import dev.shipshape.users.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Browser sessions: started at sign-in, ended at sign-out, after {@link #IDLE} without a request, or
 * {@link #ABSOLUTE} after sign-in however busy. Each session has one CSRF token, which every state-changing
 * request made with the session must carry.
 */
public final class Sessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** The last-seen time is written at most this often, not on every request. */
    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private final SessionLedger ledger;
    private final Users users;
    private final Clock clock;
    private final RandomGenerator random;

    /** @param random where session values come from: a {@code java.security.SecureRandom} */
    public Sessions(SessionLedger ledger, Users users, Clock clock, RandomGenerator random) {
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
        this.random = random;
    }

    /** A session just started: {@code value} goes into the cookie and is kept nowhere else. */
    public record Started(Session session, String value) {

        public String csrfToken() {
            return csrfTokenOf(value);
        }

        @Override
        public String toString() {
            return "Started[" + session + ", value hidden]";
        }
    }

    /** Starts a session for a user (whose password was checked). */
    public Started start(String user) {
        Instant now = clock.instant();
        ledger.removeEnded(now, now.minus(IDLE));
        String value = SessionValue.generate(random);
        Session session = new Session(user, now, now.plus(ABSOLUTE), now);
        ledger.add(SessionValue.sha256(value), session);
        return new Started(session, value);
    }

    /** Whom the presented cookie value lets in now, or why not: unknown, ended, user disabled. */
    public SessionCheck check(String presented) {
        if (!SessionValue.wellFormed(presented)) {
            return new SessionCheck.Refused("the session cookie is not one this server gave; sign in again at /login");
        }
        String hash = SessionValue.sha256(presented);
        Optional<Session> found = ledger.withHash(hash);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().activeAt(now, IDLE)) {
            return new SessionCheck.Refused("the session ended (signed out, idle for " + IDLE.toMinutes()
                    + " minutes or older than " + ABSOLUTE.toHours() + " hours); sign in again at /login");
        }
        Session session = found.get();
        Optional<User> user = users.find(session.user()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return new SessionCheck.Refused("user '" + session.user() + "' is disabled");
        }
        if (!now.isBefore(session.lastSeenAt().plus(SEEN_EVERY))) {
            ledger.seen(hash, now);
        }
        return new SessionCheck.Active(user.get(), session);
    }

    /** The stored session of a cookie value, whether or not it is still active. */
    public Optional<Session> find(String value) {
        return SessionValue.wellFormed(value) ? ledger.withHash(SessionValue.sha256(value)) : Optional.empty();
    }

    /** Ends the session of the presented value, if it is one. */
    public void end(String presented) {
        if (SessionValue.wellFormed(presented)) {
            ledger.remove(SessionValue.sha256(presented));
        }
    }

    /** The CSRF token of the session whose cookie holds {@code value}. */
    public static String csrfTokenOf(String value) {
        return SessionValue.csrf(value);
    }

    /** Whether {@code candidate} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(String value, String candidate) {
        if (value == null || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfTokenOf(value).getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
