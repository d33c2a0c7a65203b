package dev.shipshape.server;

import dev.shipshape.ShipshapeException;
import dev.shipshape.time.Ticks;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one route's handler behind its rule: authenticates the caller, checks the role the route needs, answers
 * failures in the JSON error shape, appends an audit entry for every action (done or refused), and times the
 * request for the metrics.
 */
final class Guard implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
    /** One line per request when the server is started with an access log. */
    private static final Logger ACCESS = LoggerFactory.getLogger("shipshape.access");

    private final Route route;
    private final Authenticator authenticator;
    private final ServerAudit audit;
    private final ServerMetrics metrics;
    private final boolean accessLog;

    Guard(Route route, Authenticator authenticator, ServerAudit audit, ServerMetrics metrics, boolean accessLog) {
        this.route = route;
        this.authenticator = authenticator;
        this.audit = audit;
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    @Override
    public void handle(Context ctx) {
        long started = Ticks.SYSTEM.nanos();
        String who = ServerAudit.ANONYMOUS;
        String outcome;
        try {
            readBody(ctx);
            Optional<Caller> caller = admit(ctx);
            who = caller.map(c -> c.user().name()).orElse(who);
            caller.ifPresent(c -> checkCsrf(ctx, c));
            route.handler().handle(ctx);
            outcome = ctx.statusCode() < 400 ? "succeeded (" + ctx.statusCode() + ")"
                    : outcomeOf(ctx.statusCode(), codeOf(ctx.statusCode()));
        } catch (Exception e) {
            Caller refused = ctx.attribute(Requests.CALLER);
            who = refused == null ? who : refused.user().name();
            ApiError error = errorOf(e);
            ApiJson.answer(ctx, error.status(), error);
            outcome = outcomeOf(error.status(), error.code());
        }
        if (route.acts()) {
            who = ServerAudit.ANONYMOUS.equals(who) && ctx.attribute(Requests.CLAIMED) != null
                    ? ctx.attribute(Requests.CLAIMED) : who;
            auditAction(ctx, who, outcome);
        }
        long took = Ticks.SYSTEM.nanos() - started;
        metrics.request(route, ctx.statusCode(), took);
        if (accessLog) {
            ACCESS.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
                    .addKeyValue("route", route.path()).addKeyValue("status", ctx.statusCode())
                    .addKeyValue("millis", took / 1_000_000).addKeyValue("user", who)
                    .addKeyValue("address", ctx.ip())
                    .log("{} {} {} {} ms {}", ctx.method().name(), ctx.path(), ctx.statusCode(), took / 1_000_000, who);
        }
    }

    /**
     * Reads a request's body (bounded by the size limit: a larger one is a 413) before anything answers, so that a
     * request answered early, or one whose route takes no body, is not cut off while its client is still sending.
     */
    private static void readBody(Context ctx) {
        if (ctx.contentLength() > 0) {
            ctx.bodyAsBytes();
        }
    }

    /** The caller the route lets in (none for a public route), else a 401 or 403 problem. */
    private Optional<Caller> admit(Context ctx) {
        if (route.access() instanceof Route.Access.Public) {
            return Optional.empty();
        }
        Route.Access.Signed signed = (Route.Access.Signed) route.access();
        Caller caller = authenticator.caller(ctx).orElseThrow(() -> new ApiProblem(401, "unauthenticated",
                "sign in, or send an API token as 'Authorization: Bearer TOKEN' (shipshape token create)"));
        ctx.attribute(Requests.CALLER, caller);
        if (!caller.user().role().includes(signed.least())) {
            throw new ApiProblem(403, "forbidden", "this needs the role " + signed.least().label() + "; user '"
                    + caller.user().name() + "' is " + caller.user().role().label(),
                    Map.of("needed", signed.least().label(), "role", caller.user().role().label()));
        }
        return Optional.of(caller);
    }

    private static String outcomeOf(int status, String code) {
        boolean refused = status == 401 || status == 403 || status == 429;
        return (refused ? "refused (" : "failed (") + status + " " + code + ")";
    }

    /**
     * A browser's state-changing request must carry its session's CSRF token (header {@value #CSRF_HEADER} or
     * form field {@value #CSRF_FIELD}): a cookie alone is what another site's page could make a browser send.
     */
    private void checkCsrf(Context ctx, Caller caller) {
        if (!route.acts() || caller.via() != Caller.Via.SESSION) {
            return;
        }
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null && isForm(ctx)) {
            presented = ctx.formParam(CSRF_FIELD);
        }
        if (!dev.shipshape.sessions.Sessions.csrfMatches(caller.sessionId(), presented)) {
            throw new ApiProblem(403, "csrf", (presented == null ? "the CSRF token is missing" : "the CSRF token is"
                    + " not this session's") + ": send the header " + CSRF_HEADER + " with the csrfToken that"
                    + " POST /login and GET " + Api.PREFIX + "/session answer");
        }
    }

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "csrf";

    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void auditAction(Context ctx, String who, String outcome) {
        String target = ctx.attribute(Requests.TARGET);
        try {
            audit.record(who, route.action(), target, ctx.ip(), outcome);
        } catch (RuntimeException e) {
            LOG.error("the audit log could not record {} by {}: {}", route.action(), who, e.getMessage());
        }
    }

    /** What a failure is as an API error: the caller's mistakes are 4xx, only the unexpected is a 500. */
    static ApiError errorOf(Exception e) {
        return switch (e) {
            case ApiProblem problem -> problem.error();
            case ShipshapeException failure -> ofFailure(failure);
            case HttpResponseException http when http.getStatus() == 413 -> ApiError.of(413, codeOf(413),
                    "the request body is larger than this server accepts; send a smaller one");
            case HttpResponseException http -> ApiError.of(http.getStatus(), codeOf(http.getStatus()),
                    http.getMessage());
            default -> {
                LOG.error("unexpected failure", e);
                yield ApiError.of(500, "internal", "the server failed unexpectedly; its log says why");
            }
        };
    }

    private static ApiError ofFailure(ShipshapeException failure) {
        int status = switch (failure.code()) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case LOCKED, BLOCKED -> 409;
            case FAILED -> 422;
            case STORE -> 503;
        };
        return ApiError.of(status, failure.code().name().toLowerCase(Locale.ROOT), failure.getMessage());
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "timeout";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 414 -> "uri_too_long";
            case 429 -> "throttled";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }
}
