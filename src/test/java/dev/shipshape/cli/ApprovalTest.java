package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.State;
import dev.shipshape.approvals.ApprovalDecision;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approval steps and window overrides, decided from "another terminal" while the run waits. */
class ApprovalTest {

    static final String RUNBOOK = """
            service: shop-api
            people:
              alice: [dev]
              bob: [lead]
              carol: [sre]
              dave: [qa]
            environments:
              staging: {}
              production:
                windows:
                  timezone: America/Los_Angeles
                  allow: ["Mon-Thu 10:00-16:00"]
                  deny: ["Fri 14:00-24:00"]
            stages:
              - name: build
                steps:
                  - run: echo build >> journal
                rollback:
                  - run: echo undo build >> journal
              - name: gate
                steps:
                  - approval: {count: 2, roles: [lead, sre], expires: 4h}
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
            """;

    @TempDir
    Path folder;
    Cli alice;

    @BeforeEach
    void setUp() throws Exception {
        alice = new Cli(folder);
        alice.write("shipshape.yaml", RUNBOOK);
    }

    private Cli as(String user) {
        Cli cli = new Cli(folder);
        cli.env.put("SHIPSHAPE_USER", user);
        cli.clock = alice.clock;
        return cli;
    }

    private CompletableFuture<Cli.Result> deployInBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> alice.run(args));
    }

    /** Waits until the run is recorded as waiting at an approval step, and returns its id. */
    private String waitingRun() {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!Files.isDirectory(folder.resolve(".shipshape"))) {
                return null;
            }
            try (Store store = Store.open(null, folder, Map.of())) {
                return store.runs().runs(null, null, 1).stream().findFirst()
                        .filter(r -> store.runs().steps(r.runId()).stream().anyMatch(s -> "approval".equals(s.kind())
                                && s.state() == State.RUNNING))
                        .map(r -> r.runId()).orElse(null);
            }
        }, id -> id != null);
    }

    private List<String> decisions(String runId, String stepId) {
        try (Store store = Store.open(null, folder, Map.of())) {
            return store.gates().decisions(runId, stepId).stream().map(ApprovalDecision::person).toList();
        }
    }

    private List<String> journal() throws Exception {
        return Files.readAllLines(folder.resolve("journal"));
    }

    @Test
    void twoApprovalsFromTheRightRolesLetTheRunContinue() throws Exception {
        CompletableFuture<Cli.Result> deploy = deployInBackground("deploy", "--env", "staging", "--version", "v1");
        String runId = waitingRun();

        Cli.Result self = as("alice").run("approve", runId);
        Cli.Result outsider = as("dave").run("approve", runId);
        Cli.Result bob = as("bob").run("approve", runId, "--comment", "looks good");
        Cli.Result twice = as("bob").run("approve", runId);
        Cli.Result carol = as("carol").run("approve", runId);
        Cli.Result result = deploy.get(30, TimeUnit.SECONDS);

        assertThat(self.exitCode()).isEqualTo(1);
        assertThat(self.err()).isEqualTo("shipshape: alice started run " + runId + " and cannot approve it; someone"
                + " else must; nothing was recorded\n");
        assertThat(outsider.exitCode()).isEqualTo(1);
        assertThat(outsider.err()).isEqualTo("shipshape: dave may not approve run " + runId + ": needs role lead or"
                + " sre (dave has qa); nothing was recorded\n");
        assertThat(bob.exitCode()).isEqualTo(0);
        assertThat(bob.out()).isEqualTo("approved run " + runId + " at gate/1 as bob (lead) (1 of 2 approvals (bob))\n");
        assertThat(twice.err()).isEqualTo("shipshape: bob already approved run " + runId + "; approvals must come from"
                + " different people; nothing was recorded\n");
        assertThat(carol.out()).isEqualTo("approved run " + runId + " at gate/1 as carol (sre) (approved by bob,"
                + " carol)\n");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        assertThat(result.out()).contains("waiting for 2 approvals from lead or sre, expires after 4h; approve with:"
                + " shipshape approve " + runId);
        assertThat(decisions(runId, "gate/1")).containsExactly("bob", "carol");
        assertThat(journal()).containsExactly("build", "deploy v1");
    }

    @Test
    void aRejectionStopsTheRunWithItsReasonAndTheStagesOnFailureThenExitsFive() throws Exception {
        CompletableFuture<Cli.Result> deploy = deployInBackground("deploy", "--env", "staging", "--version", "v1");
        String runId = waitingRun();

        Cli.Result rejected = as("carol").run("reject", runId, "--reason", "not during the sale");
        Cli.Result result = deploy.get(30, TimeUnit.SECONDS);

        assertThat(rejected.out()).isEqualTo("rejected run " + runId + " at gate/1 as carol (sre) (rejected by carol:"
                + " not during the sale)\n");
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).contains("run " + runId + " rolled back: gate/1 failed: rejected by carol: not during"
                + " the sale");
        assertThat(journal()).containsExactly("build", "undo build");
    }

    @Test
    void aCancelStopsTheWaitAndTheRunRollsBack() throws Exception {
        CompletableFuture<Cli.Result> deploy = deployInBackground("deploy", "--env", "staging", "--version", "v1");
        String runId = waitingRun();

        Cli.Result cancel = as("bob").run("cancel", runId, "--reason", "wrong version");
        Cli.Result result = deploy.get(30, TimeUnit.SECONDS);

        assertThat(cancel.exitCode()).isEqualTo(0);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("run " + runId + " rolled back: cancelled by bob: wrong version");
        assertThat(journal()).containsExactly("build", "undo build");
    }

    @Test
    void aProductionOverrideWaitsForAnApprovalBeforeAnythingRuns() throws Exception {
        alice.write("shipshape.yaml", RUNBOOK.replace("  - approval: {count: 2, roles: [lead, sre], expires: 4h}",
                "  - run: echo gate >> journal"));
        alice.clock = Clock.fixed(OffsetDateTime.parse("2026-01-23T15:00-08:00").toInstant(), ZoneOffset.UTC);
        CompletableFuture<Cli.Result> deploy = deployInBackground("deploy", "--env", "production", "--version", "v9",
                "--override-window", "--reason", "payments are failing");
        String runId = waitingRun();
        boolean ranBeforeApproval = Files.exists(folder.resolve("journal"));

        Cli.Result self = as("alice").run("approve", runId);
        Cli.Result bob = as("bob").run("approve", runId);
        Cli.Result result = deploy.get(30, TimeUnit.SECONDS);

        assertThat(ranBeforeApproval).isFalse();
        assertThat(self.exitCode()).isEqualTo(1);
        assertThat(bob.out()).isEqualTo("approved run " + runId + " at window-override/1 as bob (lead) (approved by"
                + " bob)\n");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        assertThat(journal()).containsExactly("build", "gate", "deploy v9");
        assertThat(alice.run("show", runId).out()).contains("    window overridden — overridden by alice: payments are"
                + " failing (Fri 2026-01-23 15:00 PST is inside the denied window \"Fri 14:00-24:00\"; next window"
                + " opens Mon 2026-01-26 10:00 PST) (by alice)\n");
    }

    @Test
    void approvingARunThatIsNotWaitingIsRefused() throws Exception {
        alice.write("shipshape.yaml", RUNBOOK.replace("  - approval: {count: 2, roles: [lead, sre], expires: 4h}",
                "  - run: echo gate >> journal"));
        Cli.Result deployed = alice.run("deploy", "--env", "staging", "--version", "v1");
        String runId = WindowsAndPromotionTest.runIdOf(deployed);

        Cli.Result result = as("bob").run("approve", runId);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: run " + runId + " already ended: succeeded\n");
    }
}
