package dev.shipshape.app;

import dev.shipshape.tokens.Token;
import dev.shipshape.tokens.Tokens;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** API tokens that let a user act through the server: create (the value shown once), list, revoke. */
public final class ApiTokens {

    /** @param validity how long it works; at most {@link Tokens#LONGEST} */
    public record CreateRequest(String user, String name, Duration validity) {
    }

    /** A token as lists show it: never its value. */
    public record Listed(String id, String user, String name, String state, Instant createdAt, Instant expiresAt,
                         Instant revokedAt) {

        static Listed of(Token t, Instant now) {
            return new Listed(t.id(), t.user(), t.name(), t.state(now).name().toLowerCase(Locale.ROOT),
                    t.createdAt(), t.expiresAt(), t.revokedAt());
        }
    }

    /** The only document that ever holds the token's value: it is answered once and kept only as a hash. */
    public record Created(String id, String user, String name, Instant expiresAt, String token) {

        @Override
        public String toString() {
            return "Created[id=" + id + ", user=" + user + ", name=" + name + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Shipshape app;
    private final StoreAccess store;

    ApiTokens(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /**
     * Issues a token for an enabled user.
     *
     * @throws dev.shipshape.ShipshapeException INVALID_INPUT for a bad name or validity, NOT_FOUND for an unknown
     *                                          user (as {@link Tokens#issue} says)
     */
    public Created create(CreateRequest request) {
        return store.use(s -> {
            Tokens.Issued issued = tokens(s).issue(request.user(), request.name(), request.validity());
            Token t = issued.token();
            return new Created(t.id(), t.user(), t.name(), t.expiresAt(), issued.value());
        });
    }

    /** Every token, oldest first; only one user's when {@code user} is not null; none while there is no store. */
    public List<Listed> all(String user) {
        Instant now = app.settings().clock().instant();
        return store.readIfExists(s -> s.tokens().all(user).stream().map(t -> Listed.of(t, now)).toList())
                .orElse(List.of());
    }

    /**
     * Revokes a token: it stops working at once.
     *
     * @throws dev.shipshape.ShipshapeException NOT_FOUND for an unknown id
     */
    public Listed revoke(String id) {
        return store.use(s -> Listed.of(tokens(s).revoke(id), app.settings().clock().instant()));
    }

    private Tokens tokens(dev.shipshape.store.Store s) {
        return new Tokens(s.tokens(), s.users(), app.settings().clock(), new SecureRandom());
    }
}
