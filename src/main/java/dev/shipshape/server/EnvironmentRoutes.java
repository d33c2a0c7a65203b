package dev.shipshape.server;

import dev.shipshape.app.Environments;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.users.Role;
import java.util.List;

/** What stands in each environment of a service: the live version, the lock, the deployment window. */
final class EnvironmentRoutes {

    static final String ENVIRONMENTS = ServiceRoutes.SERVICE + "/environments";
    static final String ENVIRONMENT = ENVIRONMENTS + "/{env}";

    private EnvironmentRoutes() {
    }

    static List<Route> routes(Backend backend) {
        ServiceCatalog catalog = ServiceAccess.catalog(backend);
        return List.of(Route.get(ENVIRONMENTS, Route.Access.role(Role.VIEWER),
                "Per environment: the live version, the lock and the deployment window", ctx -> {
                    ServiceCatalog.Deployable service = ServiceAccess.deployable(catalog,
                            Requests.pathParam(ctx, "service"));
                    ApiJson.answer(ctx, 200, service.root().environments(backend.storeAccess())
                            .status(new Environments.StatusRequest(service.runbook().runbook(), null)));
                }));
    }
}
