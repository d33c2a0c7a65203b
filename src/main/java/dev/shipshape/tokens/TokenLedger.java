package dev.shipshape.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where tokens are kept (implemented by the store): each with the SHA-256 of its value, never the value. */
public interface TokenLedger {

    /** Keeps a new token; its user must exist. */
    void add(Token token, String sha256);

    /** The token whose value has this SHA-256 (lower-case hex), if any. */
    Optional<Token> withHash(String sha256);

    /** Every token, oldest first; those of one user when {@code user} is not null. */
    List<Token> all(String user);

    /**
     * Revokes a token; revoking a revoked token changes nothing.
     *
     * @return the token as it is now, or empty when there is no such token
     */
    Optional<Token> revoke(String id, Instant at);
}
