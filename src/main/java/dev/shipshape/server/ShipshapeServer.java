package dev.shipshape.server;

import dev.shipshape.app.Shipshape;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * The team server: the route table on Javalin (virtual threads), behind the guard, with the JSON error shape for
 * whatever no route answers. It serves until closed; closing stops taking requests and waits for those in flight
 * up to the grace period.
 */
public final class ShipshapeServer implements AutoCloseable {

    private final Javalin javalin;
    private final List<Route> routes;
    private final ServerMetrics metrics;
    private final EventHub events;
    private final Backend backend;

    private ShipshapeServer(Javalin javalin, List<Route> routes, ServerMetrics metrics, EventHub events,
                            Backend backend) {
        this.javalin = javalin;
        this.routes = routes;
        this.metrics = metrics;
        this.events = events;
        this.backend = backend;
    }

    /** Starts serving on the settings' address and port (0: a free one). */
    public static ShipshapeServer start(ServerSettings settings, Shipshape app, Store store, String version) {
        ServerMetrics metrics = new ServerMetrics();
        EventHub events = EventHub.start(app.events(StoreAccess.of(store)), settings.heartbeat(), metrics,
                app.settings().clock());
        Backend backend = new Backend(app.listenedBy(events.runListener()), store, settings, metrics);
        List<Route> routes = Api.routes(backend, events, version);
        Authenticator authenticator = new Authenticator(backend.tokens());
        ServerAudit audit = new ServerAudit(store.audit(), backend.clock());
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBody();
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> server.setStopTimeout(settings.grace().toMillis()));
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), new Guard(route, authenticator, audit,
                        metrics, settings.accessLog()));
            }
            config.routes.error(404, ctx -> unanswered(ctx, 404, "not_found", "no route " + ctx.method() + " "
                    + ctx.path() + "; the routes are listed at " + Api.PREFIX + "/openapi.json"));
            config.routes.error(405, ctx -> unanswered(ctx, 405, "method_not_allowed", ctx.method()
                    + " is not allowed on " + ctx.path()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                ApiError error = Guard.errorOf(e);
                ApiJson.answer(ctx, error.status(), error);
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        return new ShipshapeServer(javalin, routes, metrics, events, backend);
    }

    /** Answers a request no route took, unless something already wrote the error body. */
    private static void unanswered(Context ctx, int status, String code, String message) {
        if (ctx.attribute(ApiJson.ANSWERED) == null) {
            ApiJson.answer(ctx, status, ApiError.of(status, code, message));
        }
    }

    public int port() {
        return javalin.port();
    }

    /** The application the routes call: the one the server was given, its runs told to the live events. */
    Shipshape app() {
        return backend.app();
    }

    /** Every route served, with its rule. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        events.close();
        javalin.stop();
        metrics.close();
    }
}
