package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.State;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run waiting for approval survives the death of its process: approvals given meanwhile count on resume. */
class ApprovalAfterRestartTest {

    @TempDir
    Path folder;

    private Process startDeploy() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.shipshape.cli.Main", "deploy", "--env", "staging", "--version", "v1")
                .directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("deploy.out").toFile());
        builder.environment().put("CI", "true");
        builder.environment().put("SHIPSHAPE_USER", "alice");
        return builder.start();
    }

    /** The run id, once the deploy process says it is waiting for approval. */
    private Optional<String> waitingRunId() throws Exception {
        Path out = folder.resolve("deploy.out");
        var m = java.util.regex.Pattern.compile("approve with: shipshape approve (\\S+) ")
                .matcher(Files.exists(out) ? Files.readString(out) : "");
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Cli as(String user) {
        Cli cli = new Cli(folder);
        cli.env.put("SHIPSHAPE_USER", user);
        return cli;
    }

    @Test
    void twoApprovalsRecordedWhileTheProcessWasDeadLetTheResumedRunContinue() throws Exception {
        as("alice").write("shipshape.yaml", ApprovalTest.RUNBOOK);
        Process deploy = startDeploy();
        String runId = await().atMost(Duration.ofSeconds(60)).until(this::waitingRunId, Optional::isPresent)
                .orElseThrow();
        deploy.destroyForcibly().waitFor();

        Cli.Result bob = as("bob").run("approve", runId);
        Cli.Result carol = as("carol").run("approve", runId);
        Cli.Result resumed = as("alice").run("resume", runId);

        assertThat(bob.exitCode()).as(bob.err()).isEqualTo(0);
        assertThat(bob.out()).isEqualTo("approved run " + runId + " at gate/1 as bob (lead) (1 of 2 approvals (bob))\n");
        assertThat(carol.exitCode()).as(carol.err()).isEqualTo(0);
        assertThat(carol.out()).isEqualTo("approved run " + runId + " at gate/1 as carol (sre) (approved by bob,"
                + " carol)\n");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(0);
        assertThat(resumed.out()).containsPattern("run \\S+ succeeded");
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("build", "deploy v1");
        try (Store store = Store.open(null, folder, Map.of())) {
            assertThat(store.runs().run(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.runs().steps(runId).stream().filter(s -> s.stepId().equals("gate/1")).findFirst()
                    .orElseThrow().message()).isEqualTo("approved by bob, carol");
        }
    }

    @Test
    void aResumedRunKeepsWaitingUntilApproved() throws Exception {
        as("alice").write("shipshape.yaml", ApprovalTest.RUNBOOK);
        Process deploy = startDeploy();
        String runId = await().atMost(Duration.ofSeconds(60)).until(this::waitingRunId, Optional::isPresent)
                .orElseThrow();
        deploy.destroyForcibly().waitFor();
        Cli.Result bob = as("bob").run("approve", runId);

        CompletableFuture<Cli.Result> resumed = CompletableFuture.supplyAsync(() -> as("alice").run("resume", runId));
        await().atMost(Duration.ofSeconds(60)).until(() -> resumedWaitingWith(runId, "1 of 2 approvals (bob)"));
        boolean doneWithOneApproval = resumed.isDone();
        Cli.Result carol = as("carol").run("approve", runId);
        Cli.Result result = resumed.get(60, TimeUnit.SECONDS);

        assertThat(bob.exitCode()).as(bob.err()).isZero();
        assertThat(bob.out()).isEqualTo("approved run " + runId + " at gate/1 as bob (lead) (1 of 2 approvals (bob))\n");
        assertThat(doneWithOneApproval).as("the resumed run ended with one of two approvals").isFalse();
        assertThat(carol.exitCode()).as(carol.err()).isZero();
        assertThat(carol.out()).isEqualTo("approved run " + runId + " at gate/1 as carol (sre) (approved by bob,"
                + " carol)\n");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("1 of 2 approvals (bob)", "run " + runId + " succeeded");
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("build", "deploy v1");
    }

    /** Whether the store shows the approval step running again, its live output counting {@code tally}. */
    private boolean resumedWaitingWith(String runId, String tally) {
        try (Store store = Store.open(null, folder, Map.of())) {
            return store.runs().events(runId).stream().anyMatch(e -> e.kind().equals("run.resumed"))
                    && store.runs().steps(runId).stream().anyMatch(s -> s.stepId().equals("gate/1")
                    && s.state() == State.RUNNING && s.outputTail() != null && s.outputTail().contains(tally));
        }
    }
}
