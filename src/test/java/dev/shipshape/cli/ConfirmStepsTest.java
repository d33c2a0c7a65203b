package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** confirm: steps wait for a person; shipshape confirm from another terminal lets the run go on, also after a crash. */
class ConfirmStepsTest {

    /** The issue's pinned shape. */
    static final String POOL_EXHAUSTED = """
            procedures:
              pool-exhausted:
                description: database connection pool exhausted
                when: db-connections critical
                steps:
                  - name: check
                    run: ./scripts/check-pool.sh
                  - name: restart
                    when: ${steps.check.exit} != 0
                    run: ./scripts/restart-app.sh
                  - name: never
                    when: ${steps.check.exit} == 0
                    run: echo "pool is fine"
                  - name: prod-only
                    environments: [production]
                    confirm: "Scale the pool in the provider's console, then confirm"
            """;

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
              production: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
                  - name: sentry
                    confirm: Check Sentry for new errors
                    instructions: |
                      Open https://sentry.example.com/shop-api and compare with yesterday.
                  - run: echo after >> journal
            """ + POOL_EXHAUSTED;

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = as("alice");
        cli.write("shipshape.yaml", RUNBOOK);
        cli.write("scripts/check-pool.sh", "#!/bin/sh\necho 'pool 100/100 in use'\nexit 1\n");
        cli.write("scripts/restart-app.sh", "#!/bin/sh\necho restarted >> journal\n");
    }

    @Test
    void thePoolExhaustedProcedureRestartsAndSkipsWhatIsNotForStaging() throws Exception {
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        String runId = await().atMost(Duration.ofSeconds(60)).until(this::waitingRunId, Optional::isPresent)
                .orElseThrow();
        as("bob").run("confirm", runId);
        assertThat(deploy.waitFor()).isZero();

        Cli.Result run = cli.run("run", "pool-exhausted", "--env", "staging");
        Cli.Result status = cli.run("status", "--env", "staging");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("pool-exhausted/1  check", "[ok]   pool-exhausted/2  restart",
                "[skip] pool-exhausted/3  never  skipped: when ${steps.check.exit} == 0 was false (1 == 0)",
                "[skip] pool-exhausted/4  prod-only  skipped: runs only in production, not in staging");
        assertThat(run.out()).containsPattern("\\[ok\\]   run \\S+ succeeded\n$");
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("deploy v1", "after", "restarted");
        assertThat(status.out()).contains("live:    v1");
    }

    @Test
    void aRunWaitsAtAConfirmStepUntilSomeoneConfirmsFromAnotherTerminal() throws Exception {
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        String runId = await().atMost(Duration.ofSeconds(60)).until(this::waitingRunId, Optional::isPresent)
                .orElseThrow();
        boolean stillWaiting = deploy.isAlive() && !Files.readString(folder.resolve("journal")).contains("after");

        Cli.Result wrong = as("bob").run("confirm", runId, "--step", "deploy/1");
        Cli.Result confirm = as("bob").run("confirm", runId, "--step", "sentry", "--note", "no new errors");
        int exit = deploy.waitFor();
        String out = Files.readString(folder.resolve("deploy.out"));
        Cli.Result show = cli.run("show", runId);
        JsonNode json = JSON.readTree(cli.run("show", runId, "--output", "json").out());
        Cli.Result again = as("carol").run("confirm", runId);
        Cli.Result audit = cli.run("audit");

        assertThat(stillWaiting).isTrue();
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("shipshape: run " + runId + " is waiting at deploy/2 (sentry), not at"
                + " deploy/1\n");
        assertThat(confirm.exitCode()).as(confirm.err()).isZero();
        assertThat(confirm.out()).isEqualTo("confirmed run " + runId + " at deploy/2 (sentry) as bob\n");
        assertThat(exit).isZero();
        assertThat(out).contains("| waiting for confirmation: Check Sentry for new errors",
                "|   Open https://sentry.example.com/shop-api and compare with yesterday.",
                "| confirm with: shipshape confirm " + runId + " --step deploy/2 [--note ...]");
        assertThat(out).containsPattern("\\[ok\\]   deploy/2  sentry  \\S+\n");
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("deploy v1", "after");
        assertThat(show.out()).containsPattern("deploy/2 +succeeded .* sentry  \\(confirmed by bob at"
                + " \\S+Z: no new errors\\)");
        assertThat(json.path("steps").get(1).path("message").asText()).startsWith("confirmed by bob at ")
                .endsWith(": no new errors");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("shipshape: run " + runId + " already ended: succeeded\n");
        assertThat(audit.out().lines().filter(line -> line.contains(" confirm ")).toList())
                .satisfiesExactly(
                        line -> assertThat(line).contains("bob (local)", "step=deploy/1", "usage error (exit 2)"),
                        line -> assertThat(line).contains("bob (local)", "run=" + runId, "step=sentry",
                                "succeeded (exit 0)"),
                        line -> assertThat(line).contains("carol (local)", "usage error (exit 2)"));
        assertThat(audit.out()).doesNotContain("no new errors");
    }

    @Test
    void aConfirmationGivenWhileTheProcessWasDeadLetsTheResumedRunGoOn() throws Exception {
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        String runId = await().atMost(Duration.ofSeconds(60)).until(this::waitingRunId, Optional::isPresent)
                .orElseThrow();
        deploy.destroyForcibly().waitFor();

        Cli.Result confirm = as("bob").run("confirm", runId, "--note", "checked", "--output", "json");
        Cli.Result resume = cli.run("resume", runId);

        assertThat(confirm.exitCode()).as(confirm.err()).isZero();
        JsonNode confirmed = JSON.readTree(confirm.out());
        assertThat(confirmed.path("stepId").asText()).isEqualTo("deploy/2");
        assertThat(confirmed.path("by").asText()).isEqualTo("bob");
        assertThat(confirmed.path("note").asText()).isEqualTo("checked");
        assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
        assertThat(resume.out()).doesNotContain("waiting for confirmation");
        assertThat(resume.out()).containsPattern("\\[ok\\]   run \\S+ succeeded\n$");
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("deploy v1", "after");
    }

    @Test
    void confirmingARunThatIsNotWaitingSaysSoInOneLine() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deploy ${version} >> journal
                """);
        cli.run("deploy", "--env", "staging", "--version", "v1");
        String runId = JSON.readTree(cli.run("runs", "--output", "json").out()).get(0).path("id").asText();

        Cli.Result ended = cli.run("confirm", runId);
        Cli.Result unknown = cli.run("confirm", "no-such-run");

        assertThat(ended.exitCode()).isEqualTo(2);
        assertThat(ended.err()).isEqualTo("shipshape: run " + runId + " already ended: succeeded\n");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("shipshape: no run no-such-run; list runs with: shipshape runs\n");
    }

    @Test
    void planShowsWhatThePersonWillBeAskedAndAnEmptyQuestionIsInvalid() throws Exception {
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v1");
        cli.write("shipshape.yaml", RUNBOOK.replace("confirm: Check Sentry for new errors", "confirm: \"\""));
        Cli.Result validate = cli.run("validate");

        assertThat(plan.out()).contains("""
                     deploy/2  confirm  Check Sentry for new errors  [idempotent]
                         | Open https://sentry.example.com/shop-api and compare with yesterday.
                         waits until confirmed (at the terminal, or: shipshape confirm RUN_ID)
                """);
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("shipshape.yaml:10:18: stages[0].steps[1].confirm: a confirm step needs"
                + " the question a person confirms");
    }

    private Optional<String> waitingRunId() throws Exception {
        Path out = folder.resolve("deploy.out");
        Matcher m = Pattern.compile("confirm with: shipshape confirm (\\S+) ")
                .matcher(Files.exists(out) ? Files.readString(out) : "");
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Cli as(String user) {
        Cli other = new Cli(folder);
        other.env.put("SHIPSHAPE_USER", user);
        return other;
    }
}
