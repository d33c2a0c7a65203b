package dev.shipshape.server;

import dev.shipshape.sessions.SessionCheck;
import dev.shipshape.sessions.Sessions;
import dev.shipshape.tokens.Authentication;
import dev.shipshape.tokens.Tokens;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells who sent a request: an API token in {@code Authorization: Bearer ...}, else a browser's session cookie.
 * The presented value is never logged, stored or echoed; only its refusal reason is told.
 */
public final class Authenticator {

    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "shipshape_session";

    private static final String BEARER = "Bearer ";

    private final Tokens tokens;
    private final Sessions sessions;

    public Authenticator(Tokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /**
     * @return the caller, or empty when the request carries no credentials at all
     * @throws ApiProblem 401 when it carries credentials that do not let anyone in
     */
    public Optional<Caller> caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            return Optional.of(byToken(ctx, header));
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            return Optional.of(bySession(ctx, cookie));
        }
        return Optional.empty();
    }

    private Caller byToken(Context ctx, String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiProblem(401, "unauthenticated", "the Authorization header must be 'Bearer TOKEN'");
        }
        String presented = header.substring(BEARER.length()).trim();
        return switch (tokens.authenticate(presented)) {
            case Authentication.Authenticated ok -> new Caller(ok.user(), Caller.Via.TOKEN, ctx.ip(), null);
            case Authentication.Refused refused -> throw new ApiProblem(401, "unauthenticated",
                    refused.message(), Map.of("reason", refused.reason().name().toLowerCase(Locale.ROOT)));
        };
    }

    private Caller bySession(Context ctx, String cookie) {
        return switch (sessions.check(cookie)) {
            case SessionCheck.Active active -> new Caller(active.user(), Caller.Via.SESSION, ctx.ip(), cookie);
            case SessionCheck.Refused refused -> throw new ApiProblem(401, "unauthenticated", refused.message(),
                    Map.of("reason", "session"));
        };
    }
}
