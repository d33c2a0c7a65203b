package dev.shipshape.steps.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.steps.FakeRun;
import dev.shipshape.steps.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellStepExecutorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final FakeRun run = new FakeRun();
    private final ShellStepExecutor executor = new ShellStepExecutor(64 * 1024);

    private StepResult execute(RunStep step) {
        return executor.execute("deploy/1", step, run.context(dir, TIMEOUT));
    }

    static RunStep command(String command) {
        return new RunStep(command, Map.of(), null, List.of(), StepOptions.defaults());
    }

    @Test
    void succeedsWhenTheCommandExitsWithZero() {
        StepResult result = execute(command("echo hello; echo world"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.message()).isEqualTo("exit code 0");
        assertThat(result.outputTail()).isEqualTo("hello\nworld\n");
        assertThat(result.outputSize()).isEqualTo(12);
        assertThat(run.output()).containsExactly("hello", "world");
    }

    @Test
    void failsWithTheExitCodeAndWhatWasExpected() {
        StepResult result = execute(command("exit 3"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.message()).isEqualTo("exit code 3 (expected 0)");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.cancelled()).isFalse();
    }

    @Test
    void acceptsTheDeclaredExitCodes() {
        RunStep step = new RunStep("exit 3", Map.of(), null, List.of(0, 3), StepOptions.defaults());

        StepResult result = execute(step);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).isEqualTo("exit code 3");
    }

    @Test
    void listsAllDeclaredExitCodesWhenNoneMatches() {
        RunStep step = new RunStep("exit 1", Map.of(), null, List.of(0, 3), StepOptions.defaults());

        assertThat(execute(step).message()).isEqualTo("exit code 1 (expected one of 0, 3)");
    }

    @Test
    void passesTheStepEnvironmentAndTheRunAndStepIds() {
        RunStep step = new RunStep("echo \"$GREETING $SHIPSHAPE_RUN_ID $SHIPSHAPE_STEP_ID\"; test -n \"$PATH\"",
                Map.of("GREETING", "hi"), null, List.of(), StepOptions.defaults());

        StepResult result = execute(step);

        assertThat(result.outputTail()).isEqualTo("hi run-42 deploy/1\n");
        assertThat(result.succeeded()).as("inherits the process environment, e.g. PATH").isTrue();
    }

    @Test
    void runsInTheWorkdirResolvedAgainstTheRunbookFolder() throws Exception {
        Files.createDirectory(dir.resolve("app"));
        RunStep step = new RunStep("pwd", Map.of(), "app", List.of(), StepOptions.defaults());

        assertThat(execute(step).outputTail()).isEqualTo(dir.resolve("app").toRealPath() + "\n");
    }

    @Test
    void runsInTheRunbookFolderWithoutAWorkdir() throws Exception {
        assertThat(execute(command("pwd")).outputTail()).isEqualTo(dir.toRealPath() + "\n");
    }

    @Test
    void failsWithAClearMessageWhenTheWorkdirIsMissing() {
        RunStep step = new RunStep("pwd", Map.of(), "nowhere", List.of(), StepOptions.defaults());

        StepResult result = execute(step);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("working directory " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void revealsSecretsToTheCommandButRedactsThemFromAllOutput() {
        RunStep step = new RunStep("echo token=" + TestSecrets.REFERENCE + "; echo env=$TOKEN >&2",
                Map.of("TOKEN", TestSecrets.REFERENCE), null, List.of(), StepOptions.defaults());

        StepResult result = execute(step);

        assertThat(result.outputTail()).isEqualTo("token=***\nenv=***\n");
        assertThat(run.output()).containsExactly("token=***", "env=***");
        assertThat(result.message()).doesNotContain(TestSecrets.VALUE);
    }

    @Test
    void capturesStandardErrorInOrderWithStandardOutput() {
        StepResult result = execute(command("echo out; echo err >&2; echo out again"));

        assertThat(result.outputTail()).isEqualTo("out\nerr\nout again\n");
    }

    @Test
    void keepsBlankLines() {
        assertThat(execute(command("printf 'a\\n\\nb'")).outputTail()).isEqualTo("a\n\nb\n");
    }

    @Test
    void neverWaitsForInput() {
        StepResult result = execute(command("cat; read line; echo read=$?"));

        assertThat(result.outputTail()).isEqualTo("read=1\n");
    }

    @Test
    void keepsOnlyTheTailOfLongOutputButCountsAllOfIt() {
        ShellStepExecutor small = new ShellStepExecutor(20);

        StepResult result = small.execute("deploy/1", command("seq 1 1000"), run.context(dir, TIMEOUT));

        // seq 1 1000 prints 3893 bytes; the last 20 are "96\n997\n998\n999\n1000\n".
        assertThat(result.outputSize()).isEqualTo(3893);
        assertThat(result.outputTail()).isEqualTo("… (3876 bytes before this were dropped)\n997\n998\n999\n1000\n");
        assertThat(run.output()).hasSize(1000);
    }

    @Test
    void failsReadablyWhenTheShellCannotBeStarted() {
        ShellStepExecutor broken = new ShellStepExecutor(new BashProcess("/no/such/bash", null), 1024);

        StepResult result = broken.execute("deploy/1", command("true"), run.context(dir, TIMEOUT));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("cannot start /no/such/bash: No such file or directory");
    }
}
