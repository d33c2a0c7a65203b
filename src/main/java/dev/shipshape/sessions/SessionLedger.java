package dev.shipshape.sessions;

import java.time.Instant;
import java.util.Optional;

/** Where browser sessions are kept (implemented by the store), each under the SHA-256 of its value. */
public interface SessionLedger {

    /** Keeps a new session; its user must exist. */
    void add(String sha256, Session session);

    /** The session whose value has this SHA-256 (lower-case hex), if any. */
    Optional<Session> withHash(String sha256);

    /** Moves the session's last-seen time; nothing when there is no such session. */
    void seen(String sha256, Instant at);

    /** Ends a session; ending one that is gone changes nothing. */
    void remove(String sha256);

    /** Forgets the sessions whose absolute end passed, or unseen since {@code idleBefore}. */
    void removeEnded(Instant now, Instant idleBefore);
}
