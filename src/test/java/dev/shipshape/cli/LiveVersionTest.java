package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version live in an environment is a fact the store keeps: a rollback changes it, the next
 * deploy's {@code ${previous_version}} is it, and {@code status} shows it with the lock and the window.
 */
class LiveVersionTest {

    /** A Saturday, outside production's window. */
    static final Instant SATURDAY_NOON = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                  production:
                    windows:
                      timezone: UTC
                      allow: ["Mon-Fri 10:00-16:00"]
                stages:
                  - name: deploy
                    steps:
                      - run: echo ${version} > current; test ${version} != bad
                    rollback:
                      - run: echo ${previous_version} > current
                """);
        deploy("v1.4.3", 0);
        deploy("v1.6.0", 0);
    }

    private Cli.Result deploy(String version, int exitCode) {
        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", version);
        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isEqualTo(exitCode);
        return deploy;
    }

    @Test
    void afterARollbackTheNextDeployRollsBackToTheVersionTheRollbackRestored() throws Exception {
        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--reason", "checkout broken");
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "bad");
        Cli.Result failed = deploy("bad", 3);

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back shop-api in staging from v1.6.0 to v1.4.3 (full)");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).startsWith("Plan: shop-api bad to staging (previous: v1.4.3)\n");
        assertThat(failed.out()).containsPattern("run \\S+ rolled back: deploy/1 failed");
        assertThat(folder.resolve("current")).hasContent("v1.4.3");
    }

    @Test
    void aRollbackToAVersionNeverDeployedThereIsRefusedWithTheVersionsThatWere() throws Exception {
        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--to", "v9", "--reason", "typo");

        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.err()).isEqualTo("shipshape: v9 was never deployed to staging of shop-api; versions"
                + " deployed there: v1.6.0, v1.4.3 (roll back --to one of them, or deploy v9)\n");
        assertThat(folder.resolve("current")).hasContent("v1.6.0");
    }

    @Test
    void statusShowsPerEnvironmentTheLiveVersionTheLockAndTheNextWindow() throws Exception {
        deploy("bad", 3);
        String rolledBackBy = cli.run("runs", "--limit", "1").out().lines().skip(1).findFirst().orElseThrow()
                .split(" ")[0];
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            store.tryLock("shop-api", "production", "other-run", "elsewhere:42", SATURDAY_NOON,
                    SATURDAY_NOON.plusSeconds(600));
        }
        cli.clock = Clock.fixed(SATURDAY_NOON, ZoneOffset.UTC);

        Cli.Result status = cli.run("status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).matches("""
                shop-api \\(as of 2026-12-05 12:00:00 UTC\\)
                staging:
                  live:    v1.6.0 since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(rolled back automatically, run %s\\)
                  lock:    free
                  window:  open now: no deployment windows: any time
                production:
                  live:    nothing deployed yet
                  lock:    held by run other-run \\(elsewhere:42\\), lease alive until 2026-12-05 12:10:00 UTC
                  window:  closed: Sat 2026-12-05 12:00 UTC is outside the allowed windows .*; next window opens Mon\
                 2026-12-07 10:00 UTC
                """.formatted(rolledBackBy));
    }

    @Test
    void statusOfOneEnvironmentAsJson() throws Exception {
        cli.clock = Clock.fixed(SATURDAY_NOON, ZoneOffset.UTC);

        Cli.Result status = cli.run("status", "--env", "production", "--output", "json");
        Cli.Result staging = cli.run("status", "--env", "staging", "--output", "json");
        JsonNode production = new ObjectMapper().readTree(status.out()).get(0);
        JsonNode live = new ObjectMapper().readTree(staging.out()).get(0).path("live");

        assertThat(status.exitCode()).isZero();
        assertThat(production.path("environment").asText()).isEqualTo("production");
        assertThat(production.has("live")).isFalse();
        assertThat(production.has("lock")).isFalse();
        assertThat(production.path("window").path("open").asBoolean()).isFalse();
        assertThat(production.path("window").path("nextOpensAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(live.path("version").asText()).isEqualTo("v1.6.0");
        assertThat(live.path("how").asText()).isEqualTo("deployed");
        assertThat(live.path("runId").asText()).isNotBlank();
    }

    @Test
    void statusOfAnEnvironmentTheRunbookDoesNotDefineIsAnError() {
        Cli.Result status = cli.run("status", "--env", "nowhere");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).matches("shipshape: environment 'nowhere' is not defined in \\S+shipshape.yaml;"
                + " defined: staging, production\n");
        assertThat(status.out()).isEmpty();
    }

    @Test
    void runsShowTheProcedureAndARollbackFromWhichVersionToWhich() throws Exception {
        cli.run("rollback", "--env", "staging", "--reason", "checkout broken");

        Cli.Result runs = cli.run("runs");
        JsonNode json = new ObjectMapper().readTree(cli.run("runs", "--output", "json").out());
        String rollbackRun = json.get(0).path("id").asText();
        Cli.Result show = cli.run("show", rollbackRun);

        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out().lines().toList()).hasSize(4);
        assertThat(runs.out().lines().toList().get(0)).matches("RUN +SERVICE +ENV +VERSION +STATUS +PROCEDURE"
                + " +STARTED \\(UTC\\) +BY");
        assertThat(runs.out().lines().toList().get(1)).matches(rollbackRun + " +shop-api +staging +v1.6.0 -> v1.4.3"
                + " +succeeded +rollback +\\S+ \\S+ +alice");
        assertThat(runs.out().lines().toList().get(2)).matches("\\S+ +shop-api +staging +v1.6.0 +succeeded +deploy +.*");
        assertThat(json.get(0).path("procedure").asText()).isEqualTo("rollback");
        assertThat(json.get(0).path("version").asText() + " -> " + json.get(0).path("previousVersion").asText())
                .isEqualTo("v1.6.0 -> v1.4.3");
        assertThat(show.out()).startsWith("Run " + rollbackRun + ": shop-api v1.6.0 -> v1.4.3 in staging (rollback)\n");
    }
}
