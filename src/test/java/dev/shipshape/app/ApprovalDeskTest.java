package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.State;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approving and rejecting through the application layer: who acts is the request's actor, not the OS user. */
class ApprovalDeskTest {

    private static final String RUNBOOK = """
            service: shop
            people:
              alice: [dev]
              bob: [lead]
              carol: [sre]
            environments:
              staging: {}
            stages:
              - name: gate
                steps:
                  - approval: {count: 2, roles: [lead, sre], expires: 4h}
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
            """;

    @TempDir
    Path folder;

    @Test
    void twoApproversLetTheRunGoOnAndEachDecisionSaysWhereTheApprovalStands() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        try (Store store = kit.store()) {
            CompletableFuture<Deployments.RunResult> deploy = CompletableFuture.supplyAsync(() ->
                    kit.app().deployments(store).deploy(kit.deploy(runbook, "staging", "1.0", Actor.local("alice"))));
            String runId = waitingRun(store);
            ApprovalDesk desk = kit.app().approvals(store);

            ApprovalDesk.Decided bob = desk.decide(new ApprovalDesk.DecisionRequest(runId, true, "fine",
                    Actor.server("bob", "192.0.2.1")));
            ApprovalDesk.Decided carol = desk.decide(new ApprovalDesk.DecisionRequest(runId, true, null,
                    Actor.server("carol", "192.0.2.2")));

            assertThat(bob).isEqualTo(new ApprovalDesk.Decided(runId, "gate/1", "approved", "bob (lead)", "fine",
                    "1 of 2 approvals (bob)"));
            assertThat(carol.standing()).isEqualTo("approved by bob, carol");
            assertThat(deploy.get(30, TimeUnit.SECONDS).outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void theActorWhoStartedTheRunCannotApproveItAndNothingIsRecorded() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        try (Store store = kit.store()) {
            CompletableFuture<Deployments.RunResult> deploy = CompletableFuture.supplyAsync(() ->
                    kit.app().deployments(store).deploy(kit.deploy(runbook, "staging", "1.0", Actor.local("bob"))));
            String runId = waitingRun(store);
            ApprovalDesk desk = kit.app().approvals(store);

            assertThatThrownBy(() -> desk.decide(new ApprovalDesk.DecisionRequest(runId, true, null,
                    Actor.server("bob", "192.0.2.1"))))
                    .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                        assertThat(e.code()).isEqualTo(ShipshapeException.Code.FAILED);
                        assertThat(e.getMessage()).isEqualTo("bob started run " + runId + " and cannot approve it;"
                                + " someone else must; nothing was recorded");
                    });
            assertThat(store.gates().decisions(runId, "gate/1")).isEmpty();

            ApprovalDesk.Decided rejected = desk.decide(new ApprovalDesk.DecisionRequest(runId, false, "not now",
                    Actor.server("carol", "192.0.2.2")));

            assertThat(rejected.decision()).isEqualTo("rejected");
            assertThat(deploy.get(30, TimeUnit.SECONDS).outcome().reason())
                    .startsWith("gate/1 failed: rejected by carol: not now;");
        }
    }

    /** Waits until the only run is recorded as waiting at its approval step, and returns its id. */
    private static String waitingRun(Store store) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> store.runs().runs(null, null, 1).stream()
                .findFirst().filter(r -> store.runs().steps(r.runId()).stream().anyMatch(s ->
                        "approval".equals(s.kind()) && s.state() == State.RUNNING))
                .map(r -> r.runId()).orElse(null), id -> id != null);
    }
}
