package dev.shipshape.server;

import dev.shipshape.app.PlanDocument;
import dev.shipshape.app.Plans;
import dev.shipshape.app.RunbookSummary;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.runbook.Problem;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The services in the server's runbooks folder: list, describe, validate, plan. */
final class ServiceRoutes {

    static final String SERVICES = Api.PREFIX + "/services";
    static final String SERVICE = SERVICES + "/{service}";

    /** A runbook problem as the API shows it. */
    record ProblemView(String file, int line, int column, String path, String message, String hint) {
        static ProblemView of(Problem p) {
            return new ProblemView(p.file(), p.line(), p.column(), p.path(), p.message(), p.hint());
        }
    }

    record ServiceView(String name, String file, boolean valid, List<ProblemView> problems) {
        static ServiceView of(ServiceCatalog.Service s) {
            return new ServiceView(s.name(), s.file(), s.valid(), s.problems().stream().map(ProblemView::of).toList());
        }
    }

    /** @param summary null when the runbook is not valid */
    record Described(String name, String file, boolean valid, List<ProblemView> problems, RunbookSummary summary,
                     String runbook) {
    }

    private ServiceRoutes() {
    }

    static List<Route> routes(Backend backend) {
        ServiceCatalog catalog = ServiceAccess.catalog(backend);
        return List.of(
                Route.get(SERVICES, Route.Access.role(Role.VIEWER), "The services, valid or with their problems",
                        ctx -> ApiJson.answer(ctx, 200, catalog.services().stream().map(ServiceView::of).toList())),
                Route.get(SERVICE, Route.Access.role(Role.VIEWER), "A service's runbook text and summary",
                        ctx -> describe(ctx, catalog)),
                Route.post(SERVICE + "/validate", Route.Access.role(Role.VIEWER), "validate",
                        "Check a service's runbook as it is now; its problems", ctx -> validate(ctx, catalog)),
                Route.get(SERVICE + "/plan", Route.Access.role(Role.VIEWER),
                        "What a deployment would run and how its gates stand (?environment=&version=[&at=])",
                        ctx -> plan(ctx, backend, catalog)));
    }

    private static void describe(Context ctx, ServiceCatalog catalog) {
        ServiceCatalog.Description d = catalog.describe(Requests.pathParam(ctx, "service"));
        ServiceView s = ServiceView.of(d.service());
        ApiJson.answer(ctx, 200, new Described(s.name(), s.file(), s.valid(), s.problems(), d.summary(), d.text()));
    }

    private static void validate(Context ctx, ServiceCatalog catalog) {
        String service = Requests.pathParam(ctx, "service");
        Requests.target(ctx, "service=" + service);
        ApiJson.answer(ctx, 200, ServiceView.of(catalog.find(service)));
    }

    private static void plan(Context ctx, Backend backend, ServiceCatalog catalog) {
        String environment = required(ctx, "environment");
        String version = required(ctx, "version");
        Instant at = moment(ctx.queryParam("at"));
        ServiceCatalog.Deployable deployable = ServiceAccess.deployable(catalog, Requests.pathParam(ctx, "service"));
        Plans.DeploymentPlan planned = deployable.root().plans(backend.storeAccess()).deployment(
                new Plans.PlanRequest(deployable.runbook().runbook(), environment, version, at));
        ApiJson.answer(ctx, 200, PlanDocument.of(planned));
    }

    static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw Page.query(name, "the query parameter '" + name + "' is required, e.g. ?" + name + "=...");
        }
        if (value.length() > 200) {
            throw Page.query(name, name + " is longer than 200 characters");
        }
        return value;
    }

    /** {@code at} as an ISO-8601 moment with its offset; null (now) when absent. */
    private static Instant moment(String at) {
        if (at == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(at, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Page.query("at", "at '" + Page.shown(at) + "' is not a moment; write e.g. 2026-01-29T10:00-08:00 or"
                    + " 2026-01-29T18:00Z");
        }
    }
}
