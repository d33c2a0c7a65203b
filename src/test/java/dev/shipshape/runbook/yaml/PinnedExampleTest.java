package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.OnInterrupted;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.StepOptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinnedExampleTest {

    private final Path file = Path.of(System.getProperty("basedir", "."), "examples", "shop-api.yaml");
    private final Runbook runbook = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(file);

    @Test
    void readsServiceSourceAndDefaults() {
        assertThat(runbook.service()).isEqualTo("shop-api");
        assertThat(runbook.source()).isEqualTo(file);
        assertThat(runbook.vars()).isEmpty();
        assertThat(runbook.always()).isEmpty();
        assertThat(runbook.onInterrupted()).isEqualTo(OnInterrupted.ASK);
    }

    @Test
    void readsEnvironmentsInFileOrder() {
        assertThat(runbook.environments()).containsExactly(
                Map.entry("staging", new Environment("staging", Map.of("BASE_URL", "http://127.0.0.1:8080"))),
                Map.entry("production", new Environment("production", Map.of("BASE_URL", "https://shop.example.com"))));
    }

    @Test
    void readsBuildStage() {
        assertThat(runbook.stages().get(0)).isEqualTo(new Stage("build", List.of(),
                List.of(new RunStep("./scripts/build.sh ${version}", Map.of(), null, List.of(0), StepOptions.defaults())),
                List.of(), null, OnFailure.ROLLBACK));
    }

    @Test
    void readsDeployStageWithOptionsEnvAndRollback() {
        StepOptions options = new StepOptions(null, Duration.ofMinutes(5), 2, StepOptions.DEFAULT_BACKOFF, null);
        RunStep deploy = new RunStep("./scripts/deploy.sh ${environment} ${version}",
                Map.of("API_TOKEN", "${secret:DEPLOY_TOKEN}"), null, List.of(0), options);
        RunStep undo = new RunStep("./scripts/deploy.sh ${environment} ${previous_version}", Map.of(), null,
                List.of(0), StepOptions.defaults());
        assertThat(runbook.stages().get(1))
                .isEqualTo(new Stage("deploy", List.of(), List.of(deploy), List.of(undo), null, OnFailure.ROLLBACK));
    }

    @Test
    void readsVerifyStageWithHttpExpectations() {
        HttpStep health = new HttpStep("GET", "${vars.BASE_URL}/health", Map.of(), null,
                new HttpExpect(List.of(200), Map.of("status", "healthy"), List.of(), null), StepOptions.defaults());
        assertThat(runbook.stages().get(2))
                .isEqualTo(new Stage("verify", List.of(), List.of(health), List.of(), null, OnFailure.ROLLBACK));
    }

    @Test
    void stepsDefaultToNotIdempotentForRunAndIdempotentForGet() {
        assertThat(runbook.stages().get(1).steps().get(0).idempotent()).isFalse();
        assertThat(runbook.stages().get(2).steps().get(0).idempotent()).isTrue();
    }
}
