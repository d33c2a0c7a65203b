package dev.shipshape.server;

import dev.shipshape.app.Deployments;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.app.UnlockReport;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.util.List;

/** The environment locks of every service, and unlocking one by hand (recorded on the run that held it). */
final class LockRoutes {

    /** @param force take the lock from a run that is still alive (it then rolls back) */
    record Unlock(String reason, Boolean force) {
    }

    private LockRoutes() {
    }

    static List<Route> routes(Backend backend) {
        ServiceCatalog catalog = ServiceAccess.catalog(backend);
        return List.of(
                Route.get(Api.PREFIX + "/locks", Route.Access.role(Role.VIEWER), "The locks held in every service's"
                        + " environments", ctx -> ApiJson.answer(ctx, 200, backend.app()
                        .environments(backend.storeAccess()).locks(catalog.runbooks()))),
                Route.post(EnvironmentRoutes.ENVIRONMENT + "/unlock", Route.Access.role(Role.DEPLOYER), "unlock",
                        "Remove an environment's lock by hand, with the reason", ctx -> unlock(ctx, backend, catalog)));
    }

    private static void unlock(Context ctx, Backend backend, ServiceCatalog catalog) {
        String service = Requests.pathParam(ctx, "service");
        String environment = Requests.pathParam(ctx, "env");
        Requests.target(ctx, "service=" + service + " env=" + environment);
        Unlock body = ApiJson.read(ctx, Unlock.class);
        String reason = RunBodies.required(body.reason(), "reason");
        ServiceCatalog.Deployable deployable = ServiceAccess.deployable(catalog, service);
        ServiceAccess.environment(deployable.runbook().runbook(), environment);
        Deployments.Unlocked unlocked = deployable.root().deployments(backend.store()).unlock(
                new Deployments.UnlockRequest(deployable.runbook().runbook(), environment, reason,
                        RunBodies.yes(body.force()), Requests.caller(ctx).actor()));
        ApiJson.answer(ctx, 200, UnlockReport.of(unlocked, reason));
    }
}
