package dev.shipshape.server;

import dev.shipshape.app.Shipshape;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.steps.shell.RunningCommands;
import dev.shipshape.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * The team server: the route table on Javalin (virtual threads), behind the guard, with the JSON error shape for
 * whatever no route answers. It serves until closed; closing stops taking requests and waits for those in flight
 * up to the grace period. On start it resumes the runs it finds interrupted ({@link InterruptedRuns}).
 */
public final class ShipshapeServer implements AutoCloseable {

    private final Javalin javalin;
    private final List<Route> routes;
    private final ServerMetrics metrics;
    private final RunExecutor runs;
    private final EventHub events;
    private final ScheduledRuns scheduled;

    private ShipshapeServer(Javalin javalin, List<Route> routes, ServerMetrics metrics, RunExecutor runs,
                            EventHub events, ScheduledRuns scheduled) {
        this.javalin = javalin;
        this.routes = routes;
        this.metrics = metrics;
        this.runs = runs;
        this.events = events;
        this.scheduled = scheduled;
    }

    /** Starts serving on the settings' address and port (0: a free one). */
    public static ShipshapeServer start(ServerSettings settings, Shipshape app, Store store, String version) {
        ServerMetrics metrics = new ServerMetrics();
        EventHub events = EventHub.start(app.events(StoreAccess.of(store)), settings.heartbeat(), metrics,
                app.settings().clock());
        Shipshape served = app.listenedBy(events.runListener());
        RunExecutor runs;
        try {
            runs = new RunExecutor(served, store, metrics, served.serviceCatalog(settings.runbooks()));
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        Backend backend = new Backend(served, store, settings, metrics, runs);
        List<Route> routes = Api.routes(backend, events, version);
        Authenticator authenticator = new Authenticator(backend.tokens(), backend.sessions());
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
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.grace().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
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
            runs.close();
            throw e;
        }
        Thread.ofVirtual().name("resume interrupted runs").start(runs::resumeInterrupted);
        ScheduledRuns scheduled = ScheduledRuns.start(runs.catalog(), store, audit, settings.scheduleEvery(),
                app.settings().sleeper());
        return new ShipshapeServer(javalin, routes, metrics, runs, events, scheduled);
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

    /** What Javalin itself serves, as {@code METHOD path}: for the test that the route table is all of it. */
    List<String> servedEndpoints() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path).toList();
    }

    /** Every route served, with its rule. */
    public List<Route> routes() {
        return routes;
    }

    /** What executes the server's runs. */
    public RunExecutor runs() {
        return runs;
    }

    /**
     * Stops taking requests and starting runs, waiting for requests in flight up to the grace period; runs in flight
     * go on in this process (see {@link #stopForExit()} for a process about to exit).
     */
    @Override
    public void close() {
        scheduled.close();
        runs.close();
        events.close();
        javalin.stop();
        metrics.close();
    }

    /**
     * Closes the server for a process about to exit (SIGTERM): the commands of running steps are stopped and their
     * steps never report back, so that they stay running in the store and the next start resumes them; runs that
     * wait (for an approval, a confirmation) go on waiting there.
     */
    public void stopForExit() {
        close();
        RunningCommands.stopAll();
    }
}
