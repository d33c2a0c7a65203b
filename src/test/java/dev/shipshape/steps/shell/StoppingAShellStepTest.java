package dev.shipshape.steps.shell;

import static dev.shipshape.steps.shell.ShellStepExecutorTest.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.processes.Spawned;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.steps.FakeRun;
import dev.shipshape.steps.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeouts, cancellation and floods of output: the step must stop, and take its processes with it.
 * Where a test bounds the time taken, the bound is loose (a loaded machine is slow) and only tells
 * "stopped by the timeout or the cancellation" from "ran as long as its commands would".
 */
class StoppingAShellStepTest {

    /** Far below the length of any command the tests stop (30 s and more), far above a slow machine's delays. */
    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final FakeRun run = new FakeRun();
    private final ShellStepExecutor executor = new ShellStepExecutor(64 * 1024);

    @Test
    void killsTheWholeProcessTreeWhenTheStepTimesOut() throws Exception {
        // bash → bash → sleep: the sleep is a grandchild, in the background of a background job.
        String tree = "bash -c 'sleep 300 & echo $! > grandchild.pid; wait' & echo started; wait";

        long start = System.nanoTime();
        StepResult result = executor.execute("deploy/1", command(tree), run.context(dir, Duration.ofSeconds(1)));

        assertThat(elapsed(start)).as("stopped by the 1s timeout, long before the 300s sleep").isLessThan(SOON);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.message()).isEqualTo("timed out after 1s; killed the process tree");
        assertThat(result.outputTail()).isEqualTo("started\n");
        long grandchild = Long.parseLong(Files.readString(dir.resolve("grandchild.pid")).trim());
        await().atMost(Duration.ofSeconds(10)).until(() -> !isRunning(grandchild));
    }

    @Test
    void killsAProcessThatIgnoresSigterm() throws Exception {
        String stubborn = "trap '' TERM; bash -c 'trap \"\" TERM; sleep 300' & echo $! > child.pid; wait";

        long start = System.nanoTime();
        StepResult result = executor.execute("deploy/1", command(stubborn), run.context(dir, Duration.ofSeconds(1)));

        assertThat(result.timedOut()).isTrue();
        assertThat(elapsed(start)).as("killed after the grace period, long before the 300s sleep").isLessThan(SOON);
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        await().atMost(Duration.ofSeconds(10)).until(() -> !isRunning(child));
    }

    @Test
    void stopsSoonWhenTheRunIsCancelled() throws Exception {
        StepContext context = run.context(dir, Duration.ofSeconds(30));
        CompletableFuture<StepResult> attempt = CompletableFuture.supplyAsync(
                () -> executor.execute("deploy/1", command("sleep 300 & echo $! > sleep.pid; wait"), context));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("sleep.pid")));

        long start = System.nanoTime();
        run.cancel();
        StepResult result = attempt.get();

        assertThat(elapsed(start)).as("stopped by the cancellation, long before the 30s timeout").isLessThan(SOON);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.message()).isEqualTo("cancelled");
        long sleep = Long.parseLong(Files.readString(dir.resolve("sleep.pid")).trim());
        await().atMost(Duration.ofSeconds(10)).until(() -> !isRunning(sleep));
    }

    @Test
    void readsHugeOutputWithoutRunningOutOfMemoryOrBlockingTheCommand() {
        AtomicLong lines = new AtomicLong();
        StepContext context = new StepContext(FakeRun.RUN_ID, dir, Duration.ofSeconds(30), new TestSecrets(),
                line -> lines.incrementAndGet(), () -> false);
        // 50 MB in 100-byte lines.
        String flood = "yes \"$(printf 'x%.0s' {1..99})\" | head -c 50000000";

        StepResult result = executor.execute("deploy/1", command(flood), context);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.outputSize()).isEqualTo(50_000_000);
        assertThat(lines.get()).isEqualTo(500_000);
        assertThat(result.outputTail()).startsWith("… (").hasSizeLessThan(64 * 1024 + 100);
    }

    @Test
    void passesOnOutputWithoutNewlinesInBoundedPieces() {
        AtomicLong longest = new AtomicLong();
        StepContext context = new StepContext(FakeRun.RUN_ID, dir, Duration.ofSeconds(30), new TestSecrets(),
                line -> longest.accumulateAndGet(line.length(), Math::max), () -> false);

        StepResult result = executor.execute("deploy/1", command("head -c 5000000 /dev/zero | tr '\\0' x"), context);

        assertThat(result.succeeded()).isTrue();
        assertThat(longest.get()).isEqualTo(OutputPump.MAX_LINE_BYTES);
    }

    @Test
    void finishesWhenTheCommandLeavesABackgroundProcessHoldingItsOutput() throws Exception {
        long start = System.nanoTime();
        StepResult result = executor.execute("deploy/1",
                command("sleep 30 & echo $! > daemon.pid; echo done"), run.context(dir, Duration.ofSeconds(20)));
        try {
            assertThat(result.succeeded()).isTrue();
            assertThat(result.outputTail()).isEqualTo("done\n");
            assertThat(elapsed(start)).as("not waiting for the 30s background sleep").isLessThan(SOON);
        } finally {
            long daemon = Long.parseLong(Files.readString(dir.resolve("daemon.pid")).trim());
            ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(Spawned::running).orElse(false);
    }
}
