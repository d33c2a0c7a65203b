package dev.shipshape.server;

import dev.shipshape.app.ChecklistReport;
import dev.shipshape.app.Checklists;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.util.List;

/** An environment's pre-deployment checklist: run now for a version, and its manual items signed off. */
final class ChecklistRoutes {

    static final String CHECKLIST = EnvironmentRoutes.ENVIRONMENT + "/checklist";

    /** @param version sign-offs are per version; none for an item signed {@code once} for every version */
    record Sign(String item, String version, String note) {
    }

    private ChecklistRoutes() {
    }

    static List<Route> routes(Backend backend) {
        ServiceCatalog catalog = ServiceAccess.catalog(backend);
        return List.of(
                Route.get(CHECKLIST, Route.Access.role(Role.VIEWER), "Run the environment's checklist now"
                        + " (?version=V: sign-offs count for that version)", ctx -> run(ctx, backend, catalog)),
                Route.post(CHECKLIST + "/sign", Route.Access.role(Role.DEPLOYER), "checklist sign",
                        "Sign off a manual item for a version, as the signed-in user (the runbook's people by name)",
                        ctx -> sign(ctx, backend, catalog)));
    }

    private static void run(Context ctx, Backend backend, ServiceCatalog catalog) {
        ServiceCatalog.Deployable service = environmentOf(ctx, catalog);
        String version = ctx.queryParam("version");
        Checklists.ChecklistResult result = service.root().checklists(backend.storeAccess()).run(
                new Checklists.ChecklistRequest(service.runbook(), ctx.pathParam("env"), version, null));
        ApiJson.answer(ctx, 200, ChecklistReport.of(result));
    }

    private static void sign(Context ctx, Backend backend, ServiceCatalog catalog) {
        String where = "service=" + Requests.pathParam(ctx, "service") + " env=" + Requests.pathParam(ctx, "env");
        Requests.target(ctx, where);
        Sign body = ApiJson.read(ctx, Sign.class);
        Requests.target(ctx, where + (body.version() == null ? "" : " version=" + body.version())
                + " item=" + RunBodies.required(body.item(), "item"));
        ServiceCatalog.Deployable service = environmentOf(ctx, catalog);
        ApiJson.answer(ctx, 200, service.root().checklists(backend.storeAccess()).signOff(
                new Checklists.SignOffRequest(service.runbook(), ctx.pathParam("env"), body.version(), body.item(),
                        body.note(), Requests.caller(ctx).actor())));
    }

    /** The service, once its environment named in the path is known to exist. */
    private static ServiceCatalog.Deployable environmentOf(Context ctx, ServiceCatalog catalog) {
        ServiceCatalog.Deployable service = ServiceAccess.deployable(catalog, Requests.pathParam(ctx, "service"));
        ServiceAccess.environment(service.runbook().runbook(), Requests.pathParam(ctx, "env"));
        return service;
    }
}
