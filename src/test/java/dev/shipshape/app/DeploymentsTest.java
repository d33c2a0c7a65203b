package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.Verdict;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy, roll back, cancel and unlock called directly, as a server would: request in, result value out. */
class DeploymentsTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
              production:
                windows:
                  timezone: UTC
                  allow: ["Mon-Fri 09:00-17:00"]
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
                rollback:
                  - run: echo undo ${version} >> journal
            """;
    private static final Actor CAROL = Actor.server("carol", "192.0.2.7");

    @TempDir
    Path folder;

    @Test
    void aDeploymentReturnsItsSucceededRunStartedByTheActor() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        try (Store store = kit.store()) {
            Deployments.RunResult result = kit.app().deployments(store).deploy(kit.deploy(runbook, "staging", "1.0",
                    CAROL));

            assertThat(result.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.run().startedBy()).isEqualTo("carol");
            assertThat(result.run().version()).isEqualTo("1.0");
            assertThat(store.runs().live("shop", "staging")).map(LiveVersion::version).contains("1.0");
        }
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("deploy 1.0");
    }

    @Test
    void aFailedDeploymentRollsBackAndKeepsItsRollbackRecord() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK.replace("echo deploy ${version} >> journal", "exit 3"));

        try (Store store = kit.store()) {
            Deployments.RunResult result = kit.app().deployments(store).deploy(kit.deploy(runbook, "staging", "1.0",
                    CAROL));

            assertThat(result.outcome().status()).isEqualTo(RunStatus.ROLLED_BACK);
            assertThat(result.outcome().reason()).isEqualTo("deploy/1 failed: exit code 3 (expected 0)");
            assertThat(folder.resolve(".shipshape/rollbacks/" + result.run().runId() + ".json")).isRegularFile();
        }
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("undo 1.0");
    }

    @Test
    void aClosedWindowRefusesTheDeploymentAfterTellingTheWatchAndStartsNothing() throws Exception {
        AppKit kit = new AppKit(folder);
        kit.clock = Clock.fixed(OffsetDateTime.parse("2026-01-24T12:00Z").toInstant(), ZoneOffset.UTC);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        List<GateReport> judged = new ArrayList<>();
        DeployWatch watch = new DeployWatch() {
            @Override
            public void judged(GateReport report) {
                judged.add(report);
            }
        };

        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            assertThatThrownBy(() -> deployments.deploy(new Deployments.DeployRequest(runbook, "production", "1.0",
                    null, null, CAROL, watch, false)))
                    .isInstanceOfSatisfying(GatesRefused.class, refused -> {
                        assertThat(refused.code()).isEqualTo(ShipshapeException.Code.BLOCKED);
                        assertThat(refused.windowBlocked()).isTrue();
                        assertThat(refused.getMessage()).isEqualTo("refused by the window gate; nothing was started");
                    });
            assertThat(judged).singleElement().extracting(GateReport::verdict).isEqualTo(Verdict.BLOCK);
            assertThat(store.runs().runs(null, null, 10)).isEmpty();
            assertThat(store.gates().recent("shop", "production", 10)).extracting(d -> d.decidedBy())
                    .containsOnly("carol");
        }
    }

    @Test
    void aRollbackReturnsToThePreviousSuccessfulVersion() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            deployments.deploy(kit.deploy(runbook, "staging", "1.0", CAROL));
            deployments.deploy(kit.deploy(runbook, "staging", "1.1", CAROL));

            Deployments.RolledBack rolledBack = deployments.rollback(new Deployments.RollbackRequest(runbook,
                    "staging", null, RollbackPlanner.Type.FULL, "errors after 1.1", false, null, CAROL,
                    RollbackWatch.NONE, false));

            assertThat(rolledBack.confirmed()).isTrue();
            assertThat(rolledBack.from()).isEqualTo("1.1");
            assertThat(rolledBack.to()).isEqualTo("1.0");
            assertThat(rolledBack.databaseStages()).isEmpty();
            assertThat(rolledBack.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(rolledBack.run().startedBy()).isEqualTo("carol");
            assertThat(store.runs().live("shop", "staging")).map(LiveVersion::version).contains("1.0");
        }
    }

    @Test
    void aRollbackWithNothingDeployedIsRefusedAsInvalidInput() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        try (Store store = kit.store()) {
            assertThatThrownBy(() -> kit.app().deployments(store).rollback(new Deployments.RollbackRequest(runbook,
                    "staging", null, RollbackPlanner.Type.FULL, "why", false, null, CAROL, RollbackWatch.NONE, false)))
                    .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                        assertThat(e.code()).isEqualTo(ShipshapeException.Code.INVALID_INPUT);
                        assertThat(e.getMessage()).isEqualTo("nothing was deployed to staging yet, so there is"
                                + " nothing to roll back");
                    });
        }
    }

    @Test
    void cancellingARunThatEndedIsRefusedAndAnUnknownOneIsNotFound() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            String runId = deployments.deploy(kit.deploy(runbook, "staging", "1.0", CAROL)).run().runId();

            assertThatThrownBy(() -> deployments.cancel(new Deployments.CancelRequest(runId, "too late", CAROL)))
                    .hasMessage("run " + runId + " already ended: succeeded");
            assertThatThrownBy(() -> deployments.cancel(new Deployments.CancelRequest("r-none", "why", CAROL)))
                    .isInstanceOfSatisfying(ShipshapeException.class,
                            e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
        }
    }

    @Test
    void aProcedureRunsAsARunOfItsOwnWithItsReasonAndLeavesTheLiveVersion() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK + """
                procedures:
                  flush-cache:
                    description: flush the cache
                    steps:
                      - run: echo flushed >> journal
                """);

        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            deployments.deploy(kit.deploy(runbook, "staging", "1.0", CAROL));
            var plan = kit.app().plans(StoreAccess.of(store)).procedure(new Plans.ProcedureRequest(runbook.runbook(),
                    "staging", "flush-cache"));

            Deployments.RunResult result = deployments.runProcedure(new Deployments.ProcedureRequest(plan, runbook,
                    "INC-42", null, CAROL, RunWatch.NONE, false));

            assertThat(result.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.run().procedureName()).isEqualTo("flush-cache");
            assertThat(result.run().startedBy()).isEqualTo("carol");
            assertThat(store.runs().live("shop", "staging")).map(LiveVersion::version).contains("1.0");
        }
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("deploy 1.0", "flushed");
    }

    @Test
    void unlockingAFreeEnvironmentSaysItWasNotLocked() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        try (Store store = kit.store()) {
            Deployments.Unlocked unlocked = kit.app().deployments(store).unlock(new Deployments.UnlockRequest(
                    runbook.runbook(), "staging", "stuck", false, CAROL));

            assertThat(unlocked.removed()).isEmpty();
            assertThat(unlocked.message()).isEqualTo("staging of shop was not locked");
        }
    }
}
