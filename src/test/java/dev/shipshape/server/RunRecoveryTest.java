package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.app.Runbooks;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.ProcessIdentity;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.plan.Planner;
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

/** Rollbacks, procedures and resumes through the API, and the runs a server resumes when it starts. */
class RunRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
            stages:
              - name: migrate
                tier: database
                steps:
                  - run: echo migrate ${version} >> journal
                rollback:
                  - run: echo restore before ${version} >> journal
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
                rollback:
                  - run: echo deploy back to ${previous_version} >> journal
            procedures:
              flush-cache:
                description: flush the cache
                steps:
                  - run: echo flushed >> journal
            """;

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() {
        kit = new ServerKit(folder);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void aRollbackOfDatabaseStagesNeedsConfirmationAndThenRunsWithItsReason() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);
        ended(runId(deploy("v1")));
        ended(runId(deploy("v2")));
        String rollback = "/api/v1/services/shop/rollbacks";

        HttpResponse<String> unconfirmed = kit.post(rollback, Role.DEPLOYER,
                "{\"environment\": \"staging\", \"reason\": \"checkout broken\"}");

        assertError(unconfirmed, 409, "confirmation_required");
        JsonNode details = JSON.readTree(unconfirmed.body()).path("details");
        assertThat(details.path("stages").get(0).asText()).isEqualTo("migrate");
        assertThat(details.path("to").asText()).isEqualTo("v1");
        String runId = runId(kit.post(rollback, Role.DEPLOYER,
                "{\"environment\": \"staging\", \"reason\": \"checkout broken\", \"confirmed\": true}"));
        JsonNode run = ended(runId);
        assertThat(run.path("procedure").asText()).isEqualTo("rollback");
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(journal()).endsWith("deploy back to v1", "restore before v2");
    }

    @Test
    void aRollbackWithoutAReasonIs400() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);

        HttpResponse<String> refused = kit.post("/api/v1/services/shop/rollbacks", Role.DEPLOYER,
                "{\"environment\": \"staging\"}");

        assertError(refused, 400, "bad_body");
        assertThat(JSON.readTree(refused.body()).path("details").path("field").asText()).isEqualTo("reason");
    }

    @Test
    void aProcedureRunsAsARunOfItsOwnWithItsReason() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);

        String runId = runId(kit.post("/api/v1/services/shop/procedures/flush-cache/runs", Role.DEPLOYER,
                "{\"environment\": \"staging\", \"reason\": \"incident 42\"}"));

        JsonNode run = ended(runId);
        assertThat(run.path("procedureName").asText()).isEqualTo("flush-cache");
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(journal()).containsExactly("flushed");
    }

    @Test
    void aHaltedRunIsResumedWithRerunThroughTheApi() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);
        String runId = interrupted(false);
        ShipshapeServer restarted = restart();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(runId) == RunStatus.HALTED);

            HttpResponse<String> resumed = kit.post("/api/v1/runs/" + runId + "/resume", Role.DEPLOYER,
                    "{\"choice\": \"rerun\"}");

            assertThat(runId(resumed)).isEqualTo(runId);
            assertThat(ended(runId).path("status").asText()).isEqualTo("succeeded");
            assertThat(journal()).containsExactly("deploy v2");
        } finally {
            restarted.close();
        }
    }

    @Test
    void aServerResumesARunInterruptedInAnIdempotentStepWithoutRepeatingFinishedSteps() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK.replace("      - run: echo deploy ${version} >> journal",
                "      - run: echo deploy ${version} >> journal\n        idempotent: true"));
        String runId = interrupted(true);

        ShipshapeServer restarted = restart();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(runId).isFinal());

            assertThat(status(runId)).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(journal()).containsExactly("deploy v2");
            assertThat(kit.store.runs().events(runId)).anyMatch(e -> e.kind().equals("run.resumed"));
        } finally {
            restarted.close();
        }
    }

    @Test
    void aServerHaltsARunInterruptedInAStepThatIsNotIdempotent() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);
        String runId = interrupted(false);

        ShipshapeServer restarted = restart();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(runId) == RunStatus.HALTED);

            assertThat(Files.exists(folder.resolve("shop/journal"))).isFalse();
            assertError(kit.post("/api/v1/runs/" + runId + "/resume", Role.DEPLOYER, "{\"choice\": \"later\"}"),
                    400, "bad_body");
        } finally {
            restarted.close();
        }
    }

    @Test
    void resumingARunThatEndedIs400() throws Exception {
        kit.write("shop/shipshape.yaml", RUNBOOK);
        String runId = runId(deploy("v1"));
        ended(runId);

        assertError(kit.post("/api/v1/runs/" + runId + "/resume", Role.DEPLOYER, "{}"), 400, "invalid_input");
    }

    /**
     * A deploy of v2 as a killed engine leaves it: the migrate stage done, the deploy step recorded running, the
     * environment locked by a process of this host that no longer exists.
     */
    private String interrupted(boolean idempotent) throws Exception {
        Runbooks.Loaded loaded = kit.app.serviceCatalog(folder).deployable("shop").runbook();
        Plan plan = new Planner(kit.env).deploy(loaded.runbook(), "staging", "v2", null);
        String runId = "20261206-120000-0a0a";
        Instant now = Instant.now();
        List<StepRecord> steps = new ArrayList<>();
        List<PlannedStep> planned = plan.allSteps();
        for (int i = 0; i < planned.size(); i++) {
            PlannedStep s = planned.get(i);
            steps.add(StepRecord.pending(runId, s.id(), s.stage(), s.phase(), i + 1, s.step().displayName(),
                    s.step().kind(), s.step().summary(), s.step().idempotent()));
        }
        assertThat(steps).anyMatch(s -> s.stepId().equals("deploy/1") && s.idempotent() == idempotent);
        RunStore runs = kit.store.runs();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String deadHolder = ProcessIdentity.host() + ":" + gone.pid();
        assertThat(runs.tryLock("shop", "staging", runId, deadHolder, now, now.plusSeconds(30))).isEmpty();
        runs.create(new NewRun(runId, "shop", "staging", "v2", null, "deploy", "deployer",
                loaded.path().toString(), loaded.text(), now, List.of("migrate", "deploy"), steps));
        runs.record(new Change.RunChanged(runId, now, RunStatus.RUNNING, "started by deployer"));
        runs.record(new Change.StageChanged(runId, now, "migrate", State.RUNNING, null));
        runs.record(new Change.StepChanged(runId, now, "migrate/1", State.RUNNING, 1, null, null, 0, null, null));
        runs.record(new Change.StepChanged(runId, now, "migrate/1", State.SUCCEEDED, 1, 0, "", 0, 5L,
                "exit code 0"));
        runs.record(new Change.StageChanged(runId, now, "migrate", State.SUCCEEDED, null));
        runs.record(new Change.StageChanged(runId, now, "deploy", State.RUNNING, null));
        runs.record(new Change.StepChanged(runId, now, "deploy/1", State.RUNNING, 1, null, null, 0, null, null));
        return runId;
    }

    /** A server started again over the same folder and store, as after a crash. */
    private ShipshapeServer restart() {
        return ShipshapeServer.start(new ServerSettings("127.0.0.1", 0, folder, false, Duration.ofSeconds(2),
                ServerSettings.DEFAULT_MAX_BODY), kit.app, kit.store, "test");
    }

    private RunStatus status(String runId) {
        return kit.store.runs().run(runId).orElseThrow().status();
    }

    private List<String> journal() throws Exception {
        return Files.readAllLines(folder.resolve("shop/journal"));
    }

    private HttpResponse<String> deploy(String version) throws Exception {
        return kit.post("/api/v1/services/shop/deploys", Role.DEPLOYER, "{\"environment\": \"staging\","
                + " \"version\": \"" + version + "\"}");
    }

    private static String runId(HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("runId").asText();
    }

    private JsonNode ended(String runId) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                JSON.readTree(kit.get("/api/v1/runs/" + runId, Role.VIEWER).body()).has("finishedAt"));
        return JSON.readTree(kit.get("/api/v1/runs/" + runId, Role.VIEWER).body());
    }
}
