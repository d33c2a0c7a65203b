package dev.shipshape.server;

import java.util.ArrayList;
import java.util.List;

/** The server's route table: every route it serves, each with its rule; one line per area. */
final class Api {

    static final String PREFIX = "/api/v1";

    private Api() {
    }

    static List<Route> routes(Backend backend, EventHub events, String version) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(HealthRoutes.routes(backend.store(), backend.metrics(), backend.settings().publicMetrics(),
                version));
        routes.addAll(RunRoutes.routes(backend));
        routes.addAll(EventRoutes.routes(backend, events));
        routes.addAll(LoginRoutes.routes(backend));
        routes.add(OpenApiDocument.route(routes, version));
        return List.copyOf(routes);
    }
}
