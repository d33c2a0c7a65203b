package dev.shipshape.server;

import dev.shipshape.tokens.Authentication;
import dev.shipshape.tokens.Tokens;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Tells who sent a request: an API token in {@code Authorization: Bearer ...}. The presented value is never
 * logged, stored or echoed; only its refusal reason is told.
 */
public final class Authenticator {

    private static final String BEARER = "Bearer ";

    private final Tokens tokens;

    public Authenticator(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @return the caller, or empty when the request carries no credentials at all
     * @throws ApiProblem 401 when it carries credentials that do not let anyone in
     */
    public Optional<Caller> caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiProblem(401, "unauthenticated", "the Authorization header must be 'Bearer TOKEN'");
        }
        String presented = header.substring(BEARER.length()).trim();
        return switch (tokens.authenticate(presented)) {
            case Authentication.Authenticated ok -> Optional.of(new Caller(ok.user(), Caller.Via.TOKEN,
                    ctx.ip(), null));
            case Authentication.Refused refused -> throw new ApiProblem(401, "unauthenticated",
                    refused.message(), java.util.Map.of("reason",
                    refused.reason().name().toLowerCase(java.util.Locale.ROOT)));
        };
    }
}
