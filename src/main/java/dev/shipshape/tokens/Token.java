package dev.shipshape.tokens;

import java.time.Instant;

/**
 * An API token as it is kept: who it acts for, its name and its life. The token itself is never part of
 * it: only its SHA-256 is stored, and the token is shown once, when {@link Tokens#issue} makes it.
 *
 * @param id        how the token is named in lists and revoked ({@code tok_} and 12 hex digits); not a secret
 * @param revokedAt null while not revoked
 */
public record Token(String id, String user, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    /** Where a token stands at an instant. */
    public enum State { ACTIVE, EXPIRED, REVOKED }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }
}
