package dev.shipshape.sessions;

import java.time.Duration;
import java.time.Instant;

/**
 * A browser session as the store keeps it (found by the SHA-256 of its cookie value, never by the value).
 *
 * @param expiresAt  the absolute end, however busy the session is
 * @param lastSeenAt the last request seen with it (moved at most once a minute), for the idle end
 */
public record Session(String user, Instant createdAt, Instant expiresAt, Instant lastSeenAt) {

    /** Whether the session still lets its user in at {@code now}, given how long it may sit idle. */
    public boolean activeAt(Instant now, Duration idle) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }
}
