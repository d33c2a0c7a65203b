package dev.shipshape.server;

import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Runbook;
import java.util.Map;

/** How the area routes reach a service of the server's catalog and one of its environments, with the API's errors. */
final class ServiceAccess {

    private ServiceAccess() {
    }

    /** The server's one catalog: it reads the runbooks again only when their files change. */
    static ServiceCatalog catalog(Backend backend) {
        return backend.runs().catalog();
    }

    /**
     * The service ready to plan or deploy.
     *
     * @throws ApiProblem 409 {@code invalid_runbook} with the problems when its runbook does not validate
     */
    static ServiceCatalog.Deployable deployable(ServiceCatalog catalog, String service) {
        try {
            return catalog.deployable(service);
        } catch (InvalidRunbookException e) {
            throw new ApiProblem(409, "invalid_runbook", "service '" + service + "' cannot be used until its runbook"
                    + " is fixed: " + e.getMessage() + "; see POST " + ServiceRoutes.SERVICES + "/" + service
                    + "/validate", Map.of("problems", e.problems().stream().map(ServiceRoutes.ProblemView::of)
                    .toList()));
        }
    }

    /** The runbook's environment of that name, else a 404 that lists those it has. */
    static Environment environment(Runbook runbook, String name) {
        return runbook.environment(name).orElseThrow(() -> ApiProblem.notFound("service '" + runbook.service()
                + "' has no environment '" + name + "'; it has: " + String.join(", ",
                runbook.environments().keySet())));
    }
}
