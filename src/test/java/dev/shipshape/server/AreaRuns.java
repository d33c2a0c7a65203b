package dev.shipshape.server;

import dev.shipshape.app.Actor;
import dev.shipshape.app.DeployWatch;
import dev.shipshape.app.Deployments;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.app.Shipshape;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.State;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

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

    /** Starts the deploy on another thread and returns its future once the run waits at a step of this kind. */
    static Started waitingAt(ServerKit kit, String kind, String service, String environment, String version,
                             String who) {
        CompletableFuture<Deployments.RunResult> run = CompletableFuture.supplyAsync(() -> deploy(kit, service,
                environment, version, who));
        String runId = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> kit.store.runs()
                .runs(null, null, 1).stream().findFirst().filter(r -> kit.store.runs().steps(r.runId()).stream()
                        .anyMatch(s -> kind.equals(s.kind()) && s.state() == State.RUNNING))
                .map(RunRecord::runId).orElse(null), id -> id != null || run.isDone());
        if (runId == null) {
            throw new AssertionError("the run ended before it waited at a " + kind + " step: " + run.join());
        }
        return new Started(runId, run);
    }

    record Started(String runId, CompletableFuture<Deployments.RunResult> run) {

        Deployments.RunResult ended() throws Exception {
            return run.get(30, TimeUnit.SECONDS);
        }
    }

    static Deployments.RunResult deploy(ServerKit kit, String service, String environment, String version,
                                        String who) {
        ServiceCatalog.Deployable deployable = service(kit, service);
        return deployable.root().deployments(kit.store).deploy(new Deployments.DeployRequest(deployable.runbook(),
                environment, version, null, null, Actor.server(who, "127.0.0.1"), DeployWatch.NONE, false));
    }
}
