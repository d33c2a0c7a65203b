package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named procedures run as runs of their own: recorded, locked, resumable, and never changing what is live. */
class ProceduresTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
              production: {}
            stages:
              - name: deploy
                steps:
                  - run: echo ${version} > current
            procedures:
              pool-exhausted:
                description: database connection pool exhausted
                when: db-connections critical
                steps:
                  - name: check
                    run: ./scripts/check-pool.sh
                  - name: restart
                    run: echo restarted ${environment} >> restarts
              high-error-rate:
                description: error rate above its critical threshold
                steps:
                  - run: ./scripts/fail.sh
                  - run: echo never >> restarts
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
        cli.write("scripts/check-pool.sh", "#!/bin/sh\necho 'pool 100/100 in use'\n");
        cli.write("scripts/fail.sh", "#!/bin/sh\necho 'errors everywhere'\nexit 3\n");
        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1.4.3");
        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    }

    @Test
    void runsAProcedureAsARunOfItsOwnAndLeavesTheLiveVersionAsItWas() throws Exception {
        Cli.Result run = cli.run("run", "pool-exhausted", "--env", "staging", "--reason", "pager INC-7");
        Cli.Result status = cli.run("status", "--env", "staging");
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v1.5.0");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("Run \\S+: started by alice: procedure pool-exhausted in staging"
                + " \\(reason: pager INC-7\\)\n== pool-exhausted\n");
        assertThat(run.out()).contains("[ok]   pool-exhausted/1  check", "| pool 100/100 in use",
                "[ok]   pool-exhausted/2  restart");
        assertThat(run.out()).containsPattern("\\[ok\\]   run \\S+ succeeded\n$");
        assertThat(folder.resolve("restarts")).hasContent("restarted staging");
        assertThat(status.out()).contains("live:    v1.4.3");
        assertThat(plan.out()).startsWith("Plan: shop-api v1.5.0 to staging (previous: v1.4.3)\n");
    }

    @Test
    void showAndRunsSayTheRunWasAProcedureAndHadNoVersion() throws Exception {
        cli.run("run", "pool-exhausted", "--env", "staging");
        String runId = lastRunId();

        Cli.Result show = cli.run("show", runId);
        Cli.Result runs = cli.run("runs");
        JsonNode json = JSON.readTree(cli.run("show", runId, "--output", "json").out());

        assertThat(show.out()).startsWith("Run " + runId + ": shop-api in staging (procedure pool-exhausted)\n"
                + "  status:   succeeded\n");
        assertThat(show.out()).contains("pool-exhausted: succeeded\n  pool-exhausted/1       succeeded");
        assertThat(runs.out().lines().skip(1).findFirst().orElseThrow())
                .matches(runId + " +shop-api +staging +- +succeeded +procedure pool-exhausted .*");
        assertThat(json.path("procedure").asText()).isEqualTo("procedure");
        assertThat(json.path("procedureName").asText()).isEqualTo("pool-exhausted");
        assertThat(json.has("version")).isFalse();
    }

    @Test
    void aFailingStepFailsTheProcedureAndNothingAfterItRuns() throws Exception {
        Cli.Result run = cli.run("run", "high-error-rate", "--env", "staging");
        Cli.Result status = cli.run("status", "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("run \\S+ failed: high-error-rate/1 failed: exit code 3 \\(expected 0\\)");
        assertThat(folder.resolve("restarts")).doesNotExist();
        assertThat(status.out()).contains("live:    v1.4.3");
    }

    @Test
    void listsTheProceduresAsTextAndAsJsonAndSuggestsThoseForASituation() throws Exception {
        Cli.Result text = cli.run("procedures");
        Cli.Result suggested = cli.run("procedures", "--when", "critical db-connections");
        JsonNode json = JSON.readTree(cli.run("procedures", "--output", "json").out());

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).isEqualTo("""
                PROCEDURE              STEPS  WHEN                         DESCRIPTION
                pool-exhausted             2  db-connections critical      database connection pool exhausted
                high-error-rate            2  -                            error rate above its critical threshold
                """);
        assertThat(suggested.out()).contains("pool-exhausted").doesNotContain("high-error-rate");
        assertThat(json.get(0).path("name").asText()).isEqualTo("pool-exhausted");
        assertThat(json.get(0).path("when").asText()).isEqualTo("db-connections critical");
        assertThat(json.get(0).path("steps").get(1).path("summary").asText())
                .isEqualTo("echo restarted ${environment} >> restarts");
        assertThat(json.get(1).has("when")).isFalse();
    }

    @Test
    void plansAProcedureWithItsStepsResolvedAndNoVersion() throws Exception {
        Cli.Result plan = cli.run("plan", "--procedure", "pool-exhausted", "--env", "production");
        JsonNode json = JSON.readTree(cli.run("plan", "--procedure", "pool-exhausted", "--env", "production",
                "--output", "json").out());

        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).isEqualTo("""
                Plan: shop-api procedure pool-exhausted in production (changes no live version)
                1. pool-exhausted  (on failure: stop)
                     pool-exhausted/1  run  ./scripts/check-pool.sh
                     pool-exhausted/2  run  echo restarted production >> restarts
                """);
        assertThat(json.path("procedure").asText()).isEqualTo("pool-exhausted");
        assertThat(json.has("version")).isFalse();
        assertThat(json.path("stages").get(0).path("steps").size()).isEqualTo(2);
    }

    @Test
    void anUnknownProcedureIsRefusedNamingTheDeclaredOnes() {
        Cli.Result run = cli.run("run", "pool-exausted", "--env", "staging");
        Cli.Result plan = cli.run("plan", "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("shipshape: procedure 'pool-exausted' is not defined in "
                + folder.resolve("shipshape.yaml") + "; declared: pool-exhausted, high-error-rate"
                + " (did you mean 'pool-exhausted'?)\n");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).isEqualTo("shipshape: plan needs --version VERSION (a deployment) or --procedure"
                + " NAME (a named procedure), not neither\n");
    }

    @Test
    void aProcedureThatNamesAVersionOrLacksADescriptionIsInvalidWithWhereItSaysSo() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK + """
                  broken:
                    steps:
                      - run: ./deploy.sh ${version}
                """);

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("shipshape.yaml:24:5: procedures.broken: missing required key"
                + " 'description'");
        assertThat(validate.err()).contains("shipshape.yaml:25:14: procedures.broken.steps[0].run: ${version} cannot"
                + " be used in a procedure; a procedure runs no version");
    }

    @Test
    void aProcedureHoldsTheEnvironmentsLockAndResumesAfterItsProcessDied() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK + """
                  slow:
                    description: waits for a sign
                    steps:
                      - run: touch waiting; [ -f go ] || sleep 60; echo slow >> restarts
                      - run: echo after >> restarts
                """);
        Process process = CliProcess.start(folder, "run.out", "run", "slow", "--env", "staging");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("waiting")));

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");
        process.destroyForcibly().waitFor();
        Files.writeString(folder.resolve("go"), "");
        Cli.Result resume = cli.run("resume", lastRunId(), "--rerun");
        Cli.Result status = cli.run("status", "--env", "staging");

        assertThat(deploy.exitCode()).isEqualTo(1);
        assertThat(deploy.err()).contains("staging of shop-api is locked by run " + lastRunId());
        assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
        assertThat(resume.out()).contains("slow/1 was running when the run stopped and is not idempotent;"
                + " re-running it as asked");
        assertThat(Files.readAllLines(folder.resolve("restarts"))).containsExactly("slow", "after");
        assertThat(status.out()).contains("live:    v1.4.3");
    }

    private String lastRunId() throws Exception {
        return JSON.readTree(cli.run("runs", "--output", "json").out()).get(0).path("id").asText();
    }
}
