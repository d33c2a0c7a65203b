package dev.shipshape.engine;

import static dev.shipshape.engine.testkit.ScriptedSteps.meanwhile;
import static dev.shipshape.engine.testkit.ScriptedSteps.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run holds its environment's lock as a lease for as long as it goes on; another run is refused meanwhile. */
class LeaseTest {

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                steps:
                  - run: ./deploy.sh
            """);

    @Test
    void whileARunGoesOnAnotherRunOfTheSameEnvironmentIsRefusedNamingTheHolderAndTheLease() {
        List<String> refusals = new ArrayList<>();
        List<Optional<EnvLock>> locks = new ArrayList<>();
        kit.steps.on("deploy/1", meanwhile(() -> {
            locks.add(kit.store.lock("shop", "prod"));
            try {
                kit.engine("host-c:3").start(plan, new RunRequest("bob", null, null), Secrets.NONE,
                        RunListener.NONE, new CancelSignal());
                refusals.add("not refused");
            } catch (ShipshapeException e) {
                refusals.add(e.code() + ": " + e.getMessage());
            }
        }, succeed()), succeed());

        RunOutcome outcome = kit.start(plan);

        assertThat(refusals).containsExactly("LOCKED: prod of shop is locked by run " + outcome.runId()
                + " (host-a:1; lease ends in 30s); wait for it, resume " + outcome.runId() + ", or run: shipshape"
                + " unlock --env prod --reason \"...\"");
        assertThat(locks).singleElement().satisfies(lock -> assertThat(lock).map(EnvLock::expiresAt)
                .contains(EngineKit.T0.plus(EngineKit.LEASE)));
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.store.runs(null, null, 10)).hasSize(1);
        assertThat(kit.store.lock("shop", "prod")).isEmpty();
    }

    @Test
    void aRunWhoseLeaseRanOutCanBeTakenOverByAnotherRun() {
        kit.store.tryLock("shop", "prod", "20260301-090000-dead", "host-z:9", EngineKit.T0.minusSeconds(60),
                EngineKit.T0);

        RunOutcome outcome = kit.start(plan);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
