package dev.shipshape.server;

import dev.shipshape.ShipshapeException;
import dev.shipshape.app.SignIn;
import dev.shipshape.sessions.Session;
import dev.shipshape.sessions.Sessions;
import dev.shipshape.users.Role;
import dev.shipshape.users.User;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Browser sign-in: the login page, {@code POST /login} (a form or JSON {@code {user, password}}) that sets the
 * session cookie, {@code POST /logout}, and {@code GET /api/v1/session}, which tells a page who is signed in and
 * the CSRF token its state-changing requests must send.
 */
final class LoginRoutes {

    private static final int LONGEST_PASSWORD = 1024;

    private LoginRoutes() {
    }

    /** A JSON sign-in's body. */
    record Credentials(String user, String password) {
    }

    /** Who is signed in; {@code csrfToken} and {@code expiresAt} only for a session. */
    record SessionView(String user, String role, String via, String csrfToken, Instant expiresAt) {
    }

    static List<Route> routes(Backend backend) {
        return List.of(
                Route.get("/login", Route.Access.anyone(), "The sign-in page for browsers",
                        ctx -> LoginPage.form(ctx, 200, null)),
                Route.post("/login", Route.Access.anyone(), "login", "Sign in with a user name and password (a form"
                        + " or JSON {user, password}); sets the session cookie", ctx -> signIn(ctx, backend)),
                Route.post("/logout", Route.Access.role(Role.VIEWER), "logout", "End the browser session",
                        ctx -> signOut(ctx, backend)),
                Route.get(Api.PREFIX + "/session", Route.Access.role(Role.VIEWER), "Who is signed in, and the"
                        + " session's CSRF token", ctx -> ApiJson.answer(ctx, 200, viewOf(ctx, backend))));
    }

    private static void signIn(Context ctx, Backend backend) {
        boolean form = Guard.isForm(ctx);
        Credentials credentials = form ? new Credentials(ctx.formParam("user"), ctx.formParam("password"))
                : ApiJson.read(ctx, Credentials.class);
        if (credentials.user() == null || credentials.password() == null) {
            throw ApiProblem.badRequest("give both 'user' and 'password'");
        }
        if (credentials.password().length() > LONGEST_PASSWORD || credentials.user().length() > 200) {
            throw ApiProblem.badRequest("the user name or the password is longer than any real one");
        }
        String user = credentials.user().trim();
        String named = auditable(user);
        Requests.claimed(ctx, named);
        Requests.target(ctx, "user=" + named);
        switch (backend.signIn().signIn(user, credentials.password(), ctx.ip())) {
            case SignIn.Outcome.SignedIn in -> signedIn(ctx, in, form);
            case SignIn.Outcome.Refused refused -> refuse(ctx, form, new ApiProblem(401, "unauthenticated",
                    refused.message()));
            case SignIn.Outcome.Throttled throttled -> {
                long seconds = Math.max(1, throttled.retryAfter().toSeconds());
                ctx.header("Retry-After", Long.toString(seconds));
                refuse(ctx, form, new ApiProblem(429, "throttled", "too many failed sign-ins for this user or from"
                        + " this address; try again in " + seconds + " seconds", Map.of("retryAfterSeconds",
                        seconds)));
            }
        }
    }

    /**
     * The tried name as the audit log may keep it: a user name, or a placeholder for anything else (people do type
     * their password into the name field).
     */
    private static String auditable(String user) {
        try {
            return User.checkName(user);
        } catch (ShipshapeException e) {
            return "(not a user name)";
        }
    }

    private static void signedIn(Context ctx, SignIn.Outcome.SignedIn in, boolean form) {
        Sessions.Started started = in.started();
        ctx.header("Set-Cookie", cookie(ctx, started.value(), Sessions.ABSOLUTE.toSeconds()));
        ctx.header("Cache-Control", "no-store");
        if (form) {
            LoginPage.signedIn(ctx, in.user().name());
            return;
        }
        ApiJson.answer(ctx, 200, new SessionView(in.user().name(), in.user().role().label(), "session",
                started.csrfToken(), started.session().expiresAt()));
    }

    private static void refuse(Context ctx, boolean form, ApiProblem problem) {
        if (!form) {
            throw problem;
        }
        LoginPage.form(ctx, problem.error().status(), problem.getMessage());
    }

    private static void signOut(Context ctx, Backend backend) {
        Caller caller = Requests.caller(ctx);
        Requests.target(ctx, "user=" + caller.user().name());
        if (caller.via() == Caller.Via.SESSION) {
            backend.signIn().signOut(caller.sessionId());
        }
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        if (Guard.isForm(ctx)) {
            ctx.status(303).header("Location", "/login");
        } else {
            ctx.status(204);
        }
    }

    private static SessionView viewOf(Context ctx, Backend backend) {
        Caller caller = Requests.caller(ctx);
        if (caller.via() != Caller.Via.SESSION) {
            return new SessionView(caller.user().name(), caller.user().role().label(), "token", null, null);
        }
        Instant expires = backend.sessions().find(caller.sessionId()).map(Session::expiresAt).orElse(null);
        return new SessionView(caller.user().name(), caller.user().role().label(), "session",
                Sessions.csrfTokenOf(caller.sessionId()), expires);
    }

    /** The session cookie: out of scripts' reach, never sent by another site's page, TLS-only over TLS. */
    static String cookie(Context ctx, String value, long maxAgeSeconds) {
        String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
        return Authenticator.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + secure;
    }
}
