package dev.shipshape.server;

import dev.shipshape.users.Role;
import java.util.List;

/** A run's verification evidence for charts: each metric's samples with its thresholds, the results, the probes. */
final class AnalysisRoutes {

    private AnalysisRoutes() {
    }

    static List<Route> routes(Backend backend) {
        return List.of(Route.get(ApprovalRoutes.RUN + "/analyses", Route.Access.role(Role.VIEWER),
                "A run's analysis samples against their thresholds, its verification results and probes", ctx ->
                        ApiJson.answer(ctx, 200, backend.app().analyses(backend.storeAccess())
                                .of(Requests.pathParam(ctx, "id")))));
    }
}
