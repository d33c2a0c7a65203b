package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.fail;
import static dev.shipshape.engine.testkit.ScriptedSteps.meanwhile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.engine.testkit.ScriptedSteps;
import dev.shipshape.plan.Plan;
import dev.shipshape.runbook.yaml.RunbookLoader;
import dev.shipshape.plan.Planner;
import dev.shipshape.steps.StepKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A monitoring tier holds no lock once verification passed: live, monitoring, ended by a new deploy or rollback. */
class MonitoringTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                steps:
                  - run: ./deploy.sh ${version}
                rollback:
                  - run: ./deploy.sh ${previous_version}
              - name: verify
                steps:
                  - health: http://127.0.0.1:1/health
              - name: watch
                steps:
                  - monitor:
                      provider: probe
                      url: http://127.0.0.1:1/
                      metrics:
                        - {name: error-rate, critical: "> 0.10"}
                      windows:
                        - {name: 0-5m, duration: 5m, interval: 30s}
                        - {name: 2-24h, duration: 22h, interval: 10m}
            """;

    private final EngineKit kit = new EngineKit();

    private static Plan deploy(String version, String previous) {
        return EngineKit.plan(RUNBOOK, version, previous);
    }

    private RunOutcome deployFrom(String holder, Plan plan) {
        return kit.engine(holder).start(plan, new RunRequest("bob", null, null), Secrets.NONE, RunListener.NONE,
                new CancelSignal());
    }

    /** What the monitor saw: the run's status and the lock while it ran, then stops when the run is ended. */
    private ScriptedSteps.Attempt monitorWhile(Runnable meanwhile, List<String> seen) {
        return meanwhile(() -> {
            String id = kit.store.runs(null, null, 10).getLast().runId();
            seen.add(kit.store.run(id).orElseThrow().status() + " " + kit.store.lock("shop", "prod").isPresent());
            meanwhile.run();
        }, context -> context.isCancelled() ? dev.shipshape.engine.StepResult.cancelled("cancelled", "", 0)
                : dev.shipshape.engine.StepResult.success(null, "every window passed", "", 0));
    }

    @Test
    void onceVerificationPassedTheRunIsLiveMonitoringAndHoldsNoLock() {
        List<String> seen = new ArrayList<>();
        kit.steps.on("watch/1", monitorWhile(() -> { }, seen));

        RunOutcome outcome = kit.start(deploy("2.0", "1.0"));

        assertThat(seen).containsExactly("MONITORING false");
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.events("run.monitoring")).singleElement().asString().startsWith("live, monitoring: verification"
                + " passed and 2.0 is live; prod is not locked while monitoring");
        assertThat(kit.store.live("shop", "prod")).map(LiveVersion::version).contains("2.0");
        assertThat(kit.store.lock("shop", "prod")).isEmpty();
    }

    @Test
    void aNewDeployDuringMonitoringStartsAndEndsTheMonitoringWithTheReasonRecorded() {
        List<String> seen = new ArrayList<>();
        List<RunOutcome> hotfix = new ArrayList<>();
        kit.steps.on("watch/1", monitorWhile(() -> hotfix.add(deployFrom("host-c:3", deploy("2.1", "2.0"))), seen),
                ScriptedSteps.succeed());

        RunOutcome monitored = kit.start(deploy("2.0", "1.0"));

        assertThat(hotfix).singleElement().extracting(RunOutcome::status).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(monitored.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(monitored.reason()).isEqualTo("live; monitoring ended: cancelled by run " + hotfix.get(0).runId()
                + ": deploy of 2.1 to prod");
        assertThat(kit.store.events(monitored.runId()).stream().filter(e -> e.kind().equals("monitoring.ended"))
                .map(EventRecord::message)).containsExactly(monitored.reason().substring("live; ".length()));
        assertThat(kit.store.events(hotfix.get(0).runId()).stream().filter(e -> e.kind().equals("monitoring.ended"))
                .map(EventRecord::message)).containsExactly("ended the monitoring of run " + monitored.runId()
                + " (2.0): this deploy of 2.1 to prod takes over the environment");
        assertThat(kit.store.live("shop", "prod")).map(LiveVersion::version).contains("2.1");
        assertThat(kit.store.steps(monitored.runId())).filteredOn(s -> s.stepId().startsWith("deploy/rollback"))
                .extracting(StepRecord::state).containsOnly(State.PENDING);
    }

    @Test
    void aRollbackDuringMonitoringEndsTheMonitoring() {
        var runbook = new RunbookLoader(StepKinds.all()).parse(Path.of("/srv/shop/shipshape.yaml"), RUNBOOK);
        Plan rollback = new dev.shipshape.plan.RollbackPlanner(Map.of()).plan(runbook, "prod", "2.0", "1.0",
                dev.shipshape.plan.RollbackPlanner.Type.APPLICATION, null);
        List<RunOutcome> rolledBack = new ArrayList<>();
        kit.steps.on("watch/1", monitorWhile(() -> rolledBack.add(deployFrom("host-c:3", rollback)), new ArrayList<>()));

        RunOutcome monitored = kit.start(deploy("2.0", "1.0"));

        assertThat(rolledBack).singleElement().extracting(RunOutcome::status).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(monitored.reason()).isEqualTo("live; monitoring ended: cancelled by run "
                + rolledBack.get(0).runId() + ": rollback of prod");
    }

    @Test
    void aBreachFoundWhileMonitoringTakesTheLockAgainAndRollsBack() {
        List<Optional<EnvLock>> locks = new ArrayList<>();
        kit.steps.on("watch/1", meanwhile(() -> { }, fail("window 0-5m: error rate 0.30 > 0.10 (critical)")))
                .on("deploy/rollback/1", meanwhile(() -> locks.add(kit.store.lock("shop", "prod")),
                        ScriptedSteps.succeed()));

        RunOutcome outcome = kit.start(deploy("2.0", "1.0"));

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(locks).singleElement().satisfies(l -> assertThat(l).map(EnvLock::runId).contains(outcome.runId()));
        assertThat(kit.events("lock.acquired")).contains("prod locked again to roll back");
        assertThat(kit.store.lock("shop", "prod")).isEmpty();
    }

    @Test
    void aBreachFoundAfterAnotherRunTookTheEnvironmentIsNotRolledBack() {
        kit.steps.on("watch/1", meanwhile(() -> kit.store.tryLock("shop", "prod", "20260301-100500-other",
                "host-c:3", EngineKit.T0, EngineKit.T0.plusSeconds(600)), fail("error rate 0.30 > 0.10 (critical)")));

        RunOutcome outcome = kit.start(deploy("2.0", "1.0"));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.reason()).startsWith("watch/1 failed: error rate 0.30 > 0.10 (critical); not rolled back,"
                + " as the environment is no longer free: prod of shop is locked by run 20260301-100500-other");
        assertThat(kit.steps.calls()).doesNotContain("deploy/rollback/1");
    }

    @Test
    void aStageWithOtherStepsLeftIsNotMonitoringYet() {
        Plan plan = EngineKit.plan(RUNBOOK.replace("""
                      windows:
                        - {name: 0-5m, duration: 5m, interval: 30s}
                        - {name: 2-24h, duration: 22h, interval: 10m}
            """, """
                      windows:
                        - {name: 0-5m, duration: 5m, interval: 30s}
                        - {name: 2-24h, duration: 22h, interval: 10m}
                  - run: ./announce.sh
            """));
        List<String> seen = new ArrayList<>();
        kit.steps.on("watch/1", monitorWhile(() -> { }, seen));

        kit.start(plan);

        assertThat(seen).containsExactly("RUNNING true");
        assertThat(kit.events("run.monitoring")).isEmpty();
    }
}
