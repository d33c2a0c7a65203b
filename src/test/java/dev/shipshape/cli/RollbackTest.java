package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.rollback.RollbackRecord;
import dev.shipshape.sample.Faults;
import dev.shipshape.sample.SampleService;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a runbook with a database stage and an application stage, each with rollback steps, when a
 * person rolls back, then the chosen tiers are undone latest first, health and smoke run again, and
 * a record is kept in the store and as JSON.
 */
class RollbackTest {

    @TempDir
    Path folder;
    Cli cli;
    SampleService service;

    @BeforeEach
    void runbook() throws Exception {
        service = SampleService.start(0, "v1", new Faults());
        cli = new Cli(folder);
        cli.write("scripts/step.sh", "#!/usr/bin/env bash\necho \"$*\" >> \"$(dirname \"$0\")/../journal\"\n");
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: migrate
                    tier: database
                    steps:
                      - run: ./scripts/step.sh migrate ${version}
                    rollback:
                      - run: ./scripts/step.sh restore database before ${version}
                  - name: deploy
                    steps:
                      - run: ./scripts/step.sh deploy ${version}
                      - health: %s/health
                        interval: 200ms
                        within: 1s
                      - smoke:
                          - name: home page
                            requests:
                              - http: %s/
                    rollback:
                      - run: ./scripts/step.sh deploy ${previous_version}
                """.formatted(service.baseUrl(), service.baseUrl()));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private List<String> journal() throws Exception {
        return Files.readAllLines(folder.resolve("journal"));
    }

    private void deployed(String... versions) {
        for (String v : versions) {
            assertThat(cli.run("deploy", "--env", "staging", "--version", v).exitCode()).isZero();
        }
    }

    @Test
    void rollsBackTheApplicationToThePreviousVersionAndVerifiesAgain() throws Exception {
        deployed("v1", "v2");
        Files.delete(folder.resolve("journal"));

        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--app-only", "--reason", "checkout broken");
        String runId = rollback.out().replaceAll("(?s).*, run (\\S+)\\s*$", "$1");
        JsonNode file = new ObjectMapper().readTree(folder.resolve(".shipshape/rollbacks/" + runId + ".json").toFile());

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back shop-api in staging from v2 to v1 (application), run " + runId);
        assertThat(journal()).containsExactly("deploy v1");
        assertThat(file.path("by").asText()).isEqualTo("alice");
        assertThat(file.path("reason").asText()).isEqualTo("checkout broken");
        assertThat(file.path("from").asText() + " -> " + file.path("to").asText()).isEqualTo("v2 -> v1");
        assertThat(file.path("type").asText()).isEqualTo("application");
        assertThat(file.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(file.path("steps").toString()).isEqualTo("[\"deploy/1 succeeded\",\"verify-rollback/1 succeeded\","
                + "\"verify-rollback/2 succeeded\"]");
    }

    @Test
    void verifiesAgainWithEveryReadOnlyCheckOfTheRunbookHttpAndAnalysisIncluded() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./scripts/step.sh deploy ${version}
                      - http: %1$s/health
                      - http: %1$s/api/login
                        method: POST
                        body: {user: smoke}
                      - analysis:
                          provider: probe
                          url: %1$s/health
                          interval: 500ms
                          count: 1
                          metrics:
                            - name: error-rate
                              critical: "> 0.5"
                    rollback:
                      - run: ./scripts/step.sh deploy ${previous_version}
                """.formatted(service.baseUrl()));
        deployed("v1", "v2");

        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--reason", "checkout broken");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("verify-rollback/1  GET " + service.baseUrl() + "/health",
                "verify-rollback/2  probe " + service.baseUrl() + "/health").doesNotContain("verify-rollback/3");
    }

    @Test
    void refusesADatabaseRollbackWithoutConfirmation() throws Exception {
        deployed("v1", "v2");

        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--db-only", "--reason", "bad migration");

        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.err()).isEqualTo("WARNING: this rollback undoes database stages (migrate): data written"
                + " since their backup is lost.\nshipshape rollback: not confirmed; run again with --yes to roll back"
                + " the database (or --app-only to leave it)\n");
        assertThat(journal()).containsExactly("migrate v1", "deploy v1", "migrate v2", "deploy v2");
    }

    @Test
    void rollsBackEverythingLatestStageFirstWhenConfirmed() throws Exception {
        deployed("v0", "v1", "v2");
        Files.delete(folder.resolve("journal"));

        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--to", "v0", "--reason", "all wrong", "--yes");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back shop-api in staging from v2 to v0 (full)");
        assertThat(journal()).containsExactly("deploy v0", "restore database before v2");
    }

    @Test
    void saysThereIsNothingToRollBackBeforeAnyDeployment() {
        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--reason", "just in case");

        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.err()).contains("nothing was deployed to staging yet, so there is nothing to roll back");
    }

    @Test
    void exitsWithFourWhenTheRollbackFails() throws Exception {
        deployed("v1", "v2");
        cli.write("scripts/step.sh", "#!/usr/bin/env bash\nexit 9\n");

        Cli.Result rollback = cli.run("rollback", "--env", "staging", "--app-only", "--reason", "x");

        assertThat(rollback.exitCode()).isEqualTo(4);
        assertThat(rollback.out()).containsPattern("rollback \\S+ failed: deploy/1 failed: exit code 9");
    }

    @Test
    void recordsTheRollbackADeploymentStartedByItself() throws Exception {
        deployed("v1");
        service.faults().unhealthy(true);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v2");
        List<RollbackRecord> records;
        try (Store store = Store.open(null, folder, Map.of())) {
            records = store.rollbacks().of("shop-api", "staging");
        }

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(records).hasSize(1);
        RollbackRecord record = records.getFirst();
        assertThat(record.by()).isEqualTo("shipshape (automatic)");
        assertThat(record.reason()).startsWith("deploy/2 failed: health failed: not healthy within");
        assertThat(List.of(record.from(), record.to(), record.type(), record.outcome()))
                .containsExactly("v2", "v1", "full", "rolled_back");
        assertThat(record.steps()).containsExactly("migrate/rollback/1 succeeded", "deploy/rollback/1 succeeded");
        assertThat(folder.resolve(".shipshape/rollbacks/" + record.runId() + ".json")).exists();
    }
}
