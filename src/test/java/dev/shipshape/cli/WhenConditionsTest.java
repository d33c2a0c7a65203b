package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** when: on stages and steps, through the real CLI: decided from what the run recorded, shown where it was decided. */
class WhenConditionsTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
              production: {}
            stages:
              - name: deploy
                steps:
                  - run: echo ${version} >> done
              - name: announce
                when: ${env} == production
                steps:
                  - run: echo announced >> done
            procedures:
              pool-exhausted:
                description: database connection pool exhausted
                when: db-connections critical
                steps:
                  - name: check
                    run: ./scripts/check-pool.sh
                  - name: restart
                    when: ${steps.check.exit} != 0
                    run: echo restarted >> done
                  - name: never
                    when: "${steps.check.exit} == 0"
                    run: echo "pool is fine" >> done
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
        cli.write("scripts/check-pool.sh", "#!/bin/sh\necho 'pool 100/100 in use'\nexit \"$(cat exit-code)\"\n");
        Files.writeString(folder.resolve("exit-code"), "1");
    }

    @Test
    void aProcedureTakesTheBranchItsCheckCallsForAndEndsSucceeded() throws Exception {
        Cli.Result run = cli.run("run", "pool-exhausted", "--env", "staging");
        String runId = lastRunId();
        Cli.Result show = cli.run("show", runId);
        JsonNode json = JSON.readTree(cli.run("show", runId, "--output", "json").out());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("restarted");
        assertThat(run.out()).contains("[FAIL] pool-exhausted/1  check  ",
                "pool-exhausted/1 failed: exit code 1 (expected 0); the conditions of the steps after it decide what"
                        + " runs next",
                "pool-exhausted/2: when ${steps.check.exit} != 0 held (1 != 0)",
                "[ok]   pool-exhausted/2",
                "[skip] pool-exhausted/3  never  skipped: when ${steps.check.exit} == 0 was false (1 == 0)");
        assertThat(run.out()).containsPattern("\\[ok\\]   run \\S+ succeeded\n$");
        assertThat(show.out()).contains("pool-exhausted: succeeded\n");
        assertThat(show.out()).containsPattern("pool-exhausted/3 +skipped .* never  \\(when \\$\\{steps.check.exit\\}"
                + " == 0 was false \\(1 == 0\\)\\)");
        assertThat(json.path("status").asText()).isEqualTo("succeeded");
        assertThat(json.path("steps").get(0).path("exitCode").asInt()).isEqualTo(1);
        assertThat(json.path("steps").get(2).path("state").asText()).isEqualTo("skipped");
        assertThat(json.path("steps").get(2).path("message").asText())
                .isEqualTo("when ${steps.check.exit} == 0 was false (1 == 0)");
    }

    @Test
    void aPassingCheckSkipsTheRestart() throws Exception {
        Files.writeString(folder.resolve("exit-code"), "0");

        Cli.Result run = cli.run("run", "pool-exhausted", "--env", "staging");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("pool is fine");
        assertThat(run.out()).contains("skipped: when ${steps.check.exit} != 0 was false (0 != 0)");
    }

    @Test
    void planShowsConditionsAndSkipsWhatTheEnvironmentAlreadyDecides() throws Exception {
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v1");
        Cli.Result procedure = cli.run("plan", "--procedure", "pool-exhausted", "--env", "staging");
        JsonNode json = JSON.readTree(cli.run("plan", "--procedure", "pool-exhausted", "--env", "staging",
                "--output", "json").out());
        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");
        Cli.Result inProduction = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(plan.out()).contains("2. announce  (skipped: when ${env} == production was false (staging =="
                + " production), on failure: rollback)");
        assertThat(procedure.out()).contains(
                "pool-exhausted/2  run  echo restarted >> done  (when ${steps.check.exit} != 0)\n");
        assertThat(json.path("stages").get(0).path("steps").get(1).path("when").asText())
                .isEqualTo("${steps.check.exit} != 0");
        assertThat(deploy.out()).contains("stage announce skipped: when ${env} == production was false (staging =="
                + " production)");
        assertThat(inProduction.exitCode()).isZero();
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("v1", "v1", "announced");
    }

    @Test
    void aConditionReadsTheJsonAnswerOfAnEarlierHttpStep() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\": \"degraded\", \"checks\": {\"database\": false}}".getBytes(
                    StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            cli.write("shipshape.yaml", RUNBOOK + """
                      database-down:
                        description: the database looks down
                        steps:
                          - name: health
                            http: http://127.0.0.1:%d/health
                          - name: failover
                            when: ${steps.health.json.checks.database} == false
                            run: echo failover >> done
                          - when: ${steps.health.json.status} == healthy
                            run: echo nothing to do >> done
                    """.formatted(server.getAddress().getPort()));

            Cli.Result run = cli.run("run", "database-down", "--env", "staging");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("failover");
            assertThat(run.out()).contains("when ${steps.health.json.checks.database} == false held (false == false)",
                    "skipped: when ${steps.health.json.status} == healthy was false (degraded == healthy)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void resumeKeepsToWhatTheRunRecordedBeforeItsProcessDied() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK.replace("""
                      - name: restart
                """, """
                      - run: touch waiting; [ -f go ] || sleep 60
                      - name: restart
                """));
        Process process = CliProcess.start(folder, "run.out", "run", "pool-exhausted", "--env", "staging");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("waiting")));
        process.destroyForcibly().waitFor();
        Files.writeString(folder.resolve("exit-code"), "0");
        Files.writeString(folder.resolve("go"), "");

        Cli.Result resume = cli.run("resume", lastRunId(), "--rerun");

        assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
        assertThat(resume.out()).doesNotContain("pool 100/100 in use");
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("restarted");
        assertThat(resume.out()).contains("when ${steps.check.exit} != 0 held (1 != 0)");
    }

    @Test
    void conditionsThatCannotWorkAreRefusedWithWhereTheyAreWritten() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK + """
                  broken:
                    description: every kind of mistake
                    steps:
                      - name: first
                        when: ${steps.later.exit} != 0
                        run: ./a.sh
                      - name: later
                        when: "${steps.frist.outcome} == failed"
                        run: ./b.sh
                      - when: ${steps.first.exit} = 0
                        run: ./c.sh
                      - when: ${env} == prodution
                        run: ./d.sh
                """);

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains(
                "shipshape.yaml:30:15: procedures.broken.steps[0].when: ${steps.later.exit}: step 'later' does not"
                        + " run before this; a condition can only use steps that ran earlier",
                "shipshape.yaml:33:16: procedures.broken.steps[1].when: ${steps.frist.outcome}: no step named 'frist'"
                        + " runs before this (did you mean 'first'?)",
                "shipshape.yaml:35:35: procedures.broken.steps[2].when: '=' alone is not an operator; compare with ==",
                "shipshape.yaml:37:25: procedures.broken.steps[3].when: unknown environment 'prodution'; declared:"
                        + " production, staging (did you mean 'production'?)");
    }

    static final String ALWAYS_KNOWS = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: test -f ok
                rollback:
                  - run: echo undone >> done
            always:
              - name: page
                when: failed
                run: echo paged ${run.outcome} ${run.status} >> done
              - name: tell
                when: "${run.outcome} == 'succeeded'"
                run: echo told >> done
            """;

    @Test
    void alwaysStepsKnowTheOutcomeOfTheDeployment() throws Exception {
        cli.write("shipshape.yaml", ALWAYS_KNOWS);

        Cli.Result failed = cli.run("deploy", "--env", "staging", "--version", "v1");
        assertThat(folder.resolve("done")).as(failed.out() + failed.err()).exists();
        java.util.List<String> afterFailure = Files.readAllLines(folder.resolve("done"));
        Files.delete(folder.resolve("done"));
        Files.writeString(folder.resolve("ok"), "");
        Cli.Result succeeded = cli.run("deploy", "--env", "staging", "--version", "v2");

        assertThat(failed.exitCode()).isNotZero();
        assertThat(afterFailure).containsExactly("undone", "paged failed rolled_back");
        assertThat(failed.out()).contains("skipped: when ${run.outcome} == 'succeeded' was false (failed == succeeded)");
        assertThat(succeeded.exitCode()).as(succeeded.out() + succeeded.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("told");
        assertThat(succeeded.out()).contains("skipped: when ${run.outcome} == failed was false (succeeded == failed)");
    }

    @Test
    void theRunsOutcomeIsRefusedOutsideAlwaysSteps() throws Exception {
        cli.write("shipshape.yaml", ALWAYS_KNOWS.replace("      - run: test -f ok\n", "      - run: test -f ok\n"
                + "      - when: failed\n        run: echo ${run.outcome}\n").replace("'succeeded'", "rolled_back"));

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains(
                "shipshape.yaml:9:14: stages[0].steps[1].run: ${run.outcome} is known only to always-steps, which"
                        + " run once the run's outcome is decided (move the step under always:)",
                "shipshape.yaml:8:15: stages[0].steps[1].when: ${run.outcome} is known only to always-steps",
                "the run's outcome is succeeded or failed, not 'rolled_back' (a rolled back run's outcome is failed;"
                        + " ${run.status} tells rolled_back)");
    }

    private String lastRunId() throws Exception {
        return JSON.readTree(cli.run("runs", "--output", "json").out()).get(0).path("id").asText();
    }
}
