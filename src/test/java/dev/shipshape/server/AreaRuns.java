package dev.shipshape.server;

import dev.shipshape.app.Actor;
import dev.shipshape.app.DeployWatch;
import dev.shipshape.app.Deployments;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.app.Shipshape;
import java.time.Clock;

/** Runs for the area tests, started through the application layer over the test server's store. */
final class AreaRuns {

    private AreaRuns() {
    }

    static ServiceCatalog.Deployable service(ServerKit kit, String service) {
        Shipshape app = new Shipshape(Shipshape.Settings.onThisHost(kit.folder, kit.env, Clock.systemUTC()));
        return app.serviceCatalog(kit.folder).deployable(service);
    }

    /** Deploys the version to the environment as {@code deployer} and waits until the run ends. */
    static Deployments.RunResult deployed(ServerKit kit, String service, String environment, String version) {
        return deploy(kit, service, environment, version, "deployer");
    }

    static Deployments.RunResult deploy(ServerKit kit, String service, String environment, String version,
                                        String who) {
        ServiceCatalog.Deployable deployable = service(kit, service);
        return deployable.root().deployments(kit.store).deploy(new Deployments.DeployRequest(deployable.runbook(),
                environment, version, null, null, Actor.server(who, "127.0.0.1"), DeployWatch.NONE, false));
    }
}
