package dev.shipshape.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import dev.shipshape.secrets.SecretResolver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An executor that throws fails its step, not the run, and what it said is redacted like any output. */
class BrokenExecutorTest {

    private final EngineKit kit = new EngineKit();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                steps:
                  - run: ./deploy.sh --user ${secret:USER} --token ${secret:TOKEN}
                rollback:
                  - run: ./undo.sh
            """);

    @Test
    void theStepFailsWithTheReasonRedactedAndTheRunRollsBack() {
        Secrets secrets = new SecretResolver(Map.of("USER", "bob", "TOKEN", "s3cr3t-t0ken"),
                Path.of("/nonexistent/secrets")).forPlan(plan);
        kit.steps.on("deploy/1", context -> {
            throw new IllegalStateException("login refused for bob with s3cr3t-t0ken");
        });

        RunOutcome outcome = kit.start(plan, secrets);

        assertThat(outcome.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(outcome.reason()).isEqualTo("deploy/1 failed: the step could not run: login refused for *** with"
                + " ***");
        assertThat(kit.step("deploy/1").message()).isEqualTo("the step could not run: login refused for *** with ***");
        assertThat(kit.store.events(kit.runId())).noneMatch(e -> e.message() != null
                && (e.message().contains("bob") || e.message().contains("s3cr3t")));
    }
}
