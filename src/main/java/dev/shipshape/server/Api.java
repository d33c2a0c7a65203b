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
        routes.addAll(ServiceRoutes.routes(backend));
        routes.addAll(EnvironmentRoutes.routes(backend));
        routes.addAll(PeopleRoutes.routes(backend));
        routes.addAll(AuditRoutes.routes(backend));
        routes.addAll(ApprovalRoutes.routes(backend));
        routes.addAll(LockRoutes.routes(backend));
        routes.addAll(ChecklistRoutes.routes(backend));
        routes.addAll(ConfirmRoutes.routes(backend));
        routes.addAll(AnalysisRoutes.routes(backend));
        routes.addAll(BackupRoutes.routes(backend));
        routes.addAll(LoginRoutes.routes(backend));
        routes.add(OpenApiDocument.route(routes, version));
        return List.copyOf(routes);
    }
}
