package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.audit.AuditEntry;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
                rollback:
                  - run: echo undo ${version} >> journal
            """;

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() {
        kit = new ServerKit(folder);
    }

    @AfterEach
    void stop() throws Exception {
        if (Files.isDirectory(folder.resolve("shop"))) {
            Files.writeString(folder.resolve("shop/released"), "");
        }
        kit.close();
    }

    @Test
    void aDeployStartedThroughTheApiSucceedsAndIsListed() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);

        HttpResponse<String> started = deploy("v1", Role.DEPLOYER);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(started.body());
        String runId = body.path("runId").asText();
        assertThat(body.path("status").asText()).isEqualTo("started");
        assertThat(body.path("run").asText()).isEqualTo("/api/v1/runs/" + runId);
        JsonNode run = ended(runId);
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("startedBy").asText()).isEqualTo("deployer");
        assertThat(run.path("version").asText()).isEqualTo("v1");
        assertThat(run.path("steps").get(0).path("state").asText()).isEqualTo("succeeded");
        assertThat(Files.readAllLines(folder.resolve("shop/journal"))).containsExactly("deploy v1");
        JsonNode listed = JSON.readTree(kit.get("/api/v1/runs?service=shop", Role.VIEWER).body());
        assertThat(listed.path("runs").get(0).path("id").asText()).isEqualTo(runId);
        assertThat(kit.get("/metrics", Role.VIEWER).body())
                .contains("shipshape_runs_total{kind=\"deploy\",outcome=\"succeeded\"} 1.0")
                .contains("shipshape_step_duration_seconds_count{kind=\"run\",outcome=\"succeeded\"} 1");
    }

    @Test
    void aFailingDeployRollsBack() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK.replace("echo deploy ${version} >> journal", "exit 3"));

        String runId = runId(deploy("v1", Role.DEPLOYER));

        JsonNode run = ended(runId);
        assertThat(run.path("status").asText()).isEqualTo("rolled_back");
        assertThat(run.path("reason").asText()).isEqualTo("deploy/1 failed: exit code 3 (expected 0)");
        assertThat(Files.readAllLines(folder.resolve("shop/journal"))).containsExactly("undo v1");
    }

    @Test
    void aStepsOutputIsReadByItsId() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK.replace("echo deploy ${version} >> journal",
                "echo hello from ${version}"));
        String runId = runId(deploy("v7", Role.DEPLOYER));
        ended(runId);

        HttpResponse<String> output = kit.get("/api/v1/runs/" + runId + "/steps/deploy/1/output", Role.VIEWER);

        assertThat(output.statusCode()).as(output.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(output.body());
        assertThat(body.path("output").asText()).isEqualTo("hello from v7\n");
        assertThat(body.path("state").asText()).isEqualTo("succeeded");
        assertError(kit.get("/api/v1/runs/" + runId + "/steps/deploy/9/output", Role.VIEWER), 404, "not_found");
    }

    @Test
    void aLongRunIsCancelledAndRollsBack() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK.replace("echo deploy ${version} >> journal",
                "touch started; while [ ! -e released ]; do sleep 0.1; done"));
        String runId = runId(deploy("v1", Role.DEPLOYER));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("shop/started")));

        HttpResponse<String> cancelled = kit.post("/api/v1/runs/" + runId + "/cancel", Role.DEPLOYER,
                "{\"reason\": \"wrong version\"}");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        assertThat(JSON.readTree(cancelled.body()).path("outcome").asText()).isEqualTo("requested");
        JsonNode run = ended(runId);
        assertThat(run.path("status").asText()).isEqualTo("rolled_back");
        assertThat(run.path("reason").asText()).contains("wrong version");
        assertThat(Files.readAllLines(folder.resolve("shop/journal"))).containsExactly("undo v1");
    }

    @Test
    void aDeployWhileAnotherRunHoldsTheEnvironmentIs409Locked() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK.replace("echo deploy ${version} >> journal",
                "touch started; while [ ! -e released ]; do sleep 0.1; done"));
        String runId = runId(deploy("v1", Role.DEPLOYER));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("shop/started")));

        HttpResponse<String> refused = deploy("v2", Role.DEPLOYER);

        assertError(refused, 409, "locked");
        assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("locked by run " + runId);
        assertError(kit.post("/api/v1/runs/" + runId + "/resume", Role.DEPLOYER, "{}"), 409, "running");
        Files.writeString(folder.resolve("shop/released"), "");
        assertThat(ended(runId).path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void anUnknownServiceIs404WithTheClosestName() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);

        HttpResponse<String> refused = kit.post("/api/v1/services/shpo/deploys", Role.DEPLOYER,
                "{\"environment\": \"staging\", \"version\": \"v1\"}");

        assertError(refused, 404, "not_found");
        assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("no service 'shpo'", "shop");
    }

    @Test
    void aViewerCannotDeployAndTheRefusalIsAudited() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);

        HttpResponse<String> refused = deploy("v1", Role.VIEWER);

        assertError(refused, 403, "forbidden");
        assertThat(JSON.readTree(kit.get("/api/v1/runs", Role.VIEWER).body()).path("runs")).isEmpty();
        List<AuditEntry> audit = kit.store.audit().since(Instant.EPOCH);
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.record().who()).isEqualTo("viewer");
            assertThat(entry.record().action()).isEqualTo("deploy");
            assertThat(entry.record().outcome()).startsWith("refused (403");
        });
    }

    @Test
    void aBodyWithoutAVersionIs400NamingTheField() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);

        HttpResponse<String> refused = kit.post("/api/v1/services/shop/deploys", Role.DEPLOYER,
                "{\"environment\": \"staging\"}");

        assertError(refused, 400, "bad_body");
        assertThat(JSON.readTree(refused.body()).path("details").path("field").asText()).isEqualTo("version");
    }

    @Test
    void theRunListPagesOnWithItsCursor() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);
        List<String> started = new ArrayList<>();
        for (String version : List.of("v1", "v2", "v3")) {
            String runId = runId(deploy(version, Role.DEPLOYER));
            ended(runId);
            started.add(runId);
        }

        JsonNode first = JSON.readTree(kit.get("/api/v1/runs?limit=2", Role.VIEWER).body());
        String cursor = first.path("nextCursor").asText();
        JsonNode second = JSON.readTree(kit.get("/api/v1/runs?limit=2&cursor=" + cursor, Role.VIEWER).body());

        List<String> seen = new ArrayList<>();
        first.path("runs").forEach(r -> seen.add(r.path("id").asText()));
        second.path("runs").forEach(r -> seen.add(r.path("id").asText()));
        assertThat(first.path("runs")).hasSize(2);
        assertThat(second.path("runs")).hasSize(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(started).doesNotHaveDuplicates();
        assertError(kit.get("/api/v1/runs?limit=lots", Role.VIEWER), 400, "bad_query");
        assertError(kit.get("/api/v1/runs?status=sleeping", Role.VIEWER), 400, "invalid_input");
    }

    @Test
    void aClosedWindowRefusesTheDeployWith409AndTheGatesReasons() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK.replace("staging: {}", """
                staging:
                    windows:
                      timezone: UTC
                      deny: ["Mon-Sun 00:00-24:00"]"""));

        HttpResponse<String> refused = deploy("v1", Role.DEPLOYER);

        assertError(refused, 409, "gates_refused");
        JsonNode gates = JSON.readTree(refused.body()).path("details").path("gates");
        assertThat(gates.get(0).path("gate").asText()).isEqualTo("window");
        assertThat(gates.get(0).path("reason").asText()).isNotBlank();
        assertThat(JSON.readTree(kit.get("/api/v1/runs", Role.VIEWER).body()).path("runs")).isEmpty();
    }

    @Test
    void badStartsAre4xxAndStartNothing() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);
        String deploys = "/api/v1/services/shop/deploys";

        HttpResponse<String> unknownEnvironment = kit.post(deploys, Role.DEPLOYER,
                "{\"environment\": \"prod\", \"version\": \"v1\"}");
        HttpResponse<String> unknownField = kit.post(deploys, Role.DEPLOYER,
                "{\"environment\": \"staging\", \"version\": \"v1\", \"force\": true}");
        HttpResponse<String> notJson = kit.post(deploys, Role.DEPLOYER, "{\"environment\": ");
        HttpResponse<String> unknownProcedure = kit.post("/api/v1/services/shop/procedures/nope/runs",
                Role.DEPLOYER, "{\"environment\": \"staging\"}");

        assertError(unknownEnvironment, 400, "invalid_input");
        assertThat(JSON.readTree(unknownEnvironment.body()).path("message").asText()).contains("prod");
        assertError(unknownField, 400, "bad_body");
        assertError(notJson, 400, "bad_json");
        assertError(unknownProcedure, 400, "invalid_input");
        assertThat(JSON.readTree(unknownProcedure.body()).path("message").asText()).contains("nope");
        assertThat(JSON.readTree(kit.get("/api/v1/runs", Role.VIEWER).body()).path("runs")).isEmpty();
    }

    @Test
    void anUnknownRunIs404() throws Exception {
        assertError(kit.get("/api/v1/runs/20260101-000000-0000", Role.VIEWER), 404, "not_found");
        assertError(kit.post("/api/v1/runs/20260101-000000-0000/cancel", Role.DEPLOYER, "{\"reason\": \"x\"}"),
                404, "not_found");
    }

    private HttpResponse<String> deploy(String version, Role as) throws Exception {
        return kit.post("/api/v1/services/shop/deploys", as, "{\"environment\": \"staging\", \"version\": \""
                + version + "\"}");
    }

    private static String runId(HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("runId").asText();
    }

    /** The run's document once the run has a final outcome. */
    private JsonNode ended(String runId) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode run = JSON.readTree(kit.get("/api/v1/runs/" + runId, Role.VIEWER).body());
            return run.has("finishedAt");
        });
        return JSON.readTree(kit.get("/api/v1/runs/" + runId, Role.VIEWER).body());
    }
}
