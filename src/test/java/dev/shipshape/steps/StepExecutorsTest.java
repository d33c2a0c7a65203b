package dev.shipshape.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.Phase;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepExecutorsTest {

    @TempDir
    Path dir;

    private final StepExecutors executors = new StepExecutors();
    private final FakeRun run = new FakeRun();

    private StepResult execute(Step step) {
        PlannedStep planned = new PlannedStep("deploy/rollback/2", "deploy", Phase.ROLLBACK, 2, step);
        return executors.execute(planned, run.context(dir, Duration.ofSeconds(2)));
    }

    @Test
    void runsARunStepUnderBashWithThePlannedStepId() {
        RunStep step = new RunStep("echo $SHIPSHAPE_STEP_ID", Map.of(), null, List.of(), StepOptions.defaults());

        StepResult result = execute(step);

        assertThat(result.message()).isEqualTo("exit code 0");
        assertThat(result.outputTail()).isEqualTo("deploy/rollback/2\n");
    }

    @Test
    void sendsAnHttpStepAsARequest() {
        HttpStep step = new HttpStep("GET", "http://127.0.0.1:1/health", Map.of(), null, HttpExpect.none(),
                StepOptions.defaults());

        assertThat(execute(step).message())
                .isEqualTo("cannot connect to http://127.0.0.1:1/health: connection refused");
    }

    @Test
    void refusesANonPositiveOutputLimit() {
        assertThatThrownBy(() -> new StepExecutors(StepExecutors.defaultHttpClient(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output tail limit must be positive, got 0");
    }
}
