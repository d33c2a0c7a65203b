package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing and finding runs through the application layer, as the CLI and the REST server ask for them. */
class RunsTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              staging:
                checklist:
                  items:
                    - {name: home set, env: HOME, min_length: 1}
              production: {}
            stages:
              - name: deploy
                steps:
                  - name: push
                    run: echo deploy ${version}
                  - run: test "${version}" != broken
                rollback:
                  - run: echo undo
            procedures:
              flush-cache:
                description: flush the cache
                steps:
                  - run: echo flushed
            """;

    /** As a server would write it: Jackson with Java time, instants as ISO-8601. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path folder;

    private Runbooks.Loaded deployed(AppKit kit, String environment, String... versions) throws Exception {
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            for (String version : versions) {
                deployments.deploy(kit.deploy(runbook, environment, version, Actor.local("alice")));
            }
        }
        return runbook;
    }

    private static Runs runs(AppKit kit) {
        return kit.app().runs(kit.app().store(null));
    }

    @Test
    void runsAreListedNewestFirstPerEnvironmentAndFoundByTheirId() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            deployments.deploy(kit.deploy(runbook, "staging", "1.0", Actor.local("alice")));
            deployments.deploy(kit.deploy(runbook, "staging", "1.1", Actor.local("alice")));
            deployments.deploy(kit.deploy(runbook, "production", "1.0", Actor.local("bob")));
        }
        Runs runs = runs(kit);

        var staging = runs.list(new Runs.ListRequest(null, "staging", 10));

        assertThat(staging).extracting(RunRecord::version).containsExactly("1.1", "1.0");
        assertThat(runs.list(new Runs.ListRequest("shop", null, 1))).extracting(RunRecord::startedBy)
                .containsExactly("bob");
        assertThat(runs.show(staging.getFirst().runId()).version()).isEqualTo("1.1");
        assertThatThrownBy(() -> runs.show("r-none")).isInstanceOfSatisfying(ShipshapeException.class,
                e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
    }

    @Test
    void withoutAStoreThereAreNoRunsAndNoStoreIsCreated() {
        AppKit kit = new AppKit(folder);

        assertThat(runs(kit).list(new Runs.ListRequest(null, null, 20))).isEmpty();
        RunPage page = runs(kit).list(RunQuery.newest(20));

        assertThat(page.runs()).isEmpty();
        assertThat(page.nextCursor()).isNull();
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void theDocumentHoldsTheRunWithStagesStepsMetricsVerificationProbesAndGateDecisions() throws Exception {
        AppKit kit = new AppKit(folder);
        deployed(kit, "staging", "1.0", "1.1");
        String runId = runs(kit).list(RunQuery.newest(1)).runs().getFirst().id();

        RunDocument document = runs(kit).document(runId);
        JsonNode json = JSON.valueToTree(document);

        assertThat(document.status()).isEqualTo("succeeded");
        assertThat(document.previousVersion()).isEqualTo("1.0");
        assertThat(document.stages()).extracting(RunDocument.Stage::name, RunDocument.Stage::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy", "succeeded"));
        assertThat(document.steps()).extracting(RunDocument.Step::id)
                .containsExactly("deploy/1", "deploy/2", "deploy/rollback/1");
        assertThat(document.steps().getFirst().outputTail()).isEqualTo("deploy 1.1\n");
        assertThat(document.steps().getLast().state()).isEqualTo("pending");
        assertThat(document.metrics().rollbackNeeded()).isFalse();
        assertThat(document.metrics().stageMillis()).containsKey("deploy");
        assertThat(document.gates()).singleElement().satisfies(g -> {
            assertThat(g.gate()).isEqualTo("checklist");
            assertThat(g.verdict()).isEqualTo("pass");
        });
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "service", "environment", "version", "previousVersion", "procedure",
                "startedBy", "status", "createdAt", "finishedAt", "durationMillis", "stages", "steps", "metrics",
                "verification", "probes", "gates");
        assertThat(json.path("createdAt").asText()).isEqualTo(document.createdAt().toString());
        assertThat(json.path("steps").get(2).has("exitCode")).isFalse();
        assertThat(JSON.valueToTree(document.withoutGates()).has("gates")).isFalse();
        assertThatThrownBy(() -> runs(kit).document("r-none")).isInstanceOfSatisfying(ShipshapeException.class,
                e -> assertThat(e).hasMessage("no run r-none; list runs with: shipshape runs"));
    }

    @Test
    void pagesGoOnWithTheNextCursorAndRunsStartedMeanwhileNeitherShiftNorRepeatThem() throws Exception {
        AppKit kit = new AppKit(folder);
        deployed(kit, "staging", "1", "2", "3", "4", "5");

        RunPage first = runs(kit).list(RunQuery.newest(2));
        deployed(kit, "staging", "6");
        RunPage second = runs(kit).list(RunQuery.newest(2).after(first.nextCursor()));
        RunPage third = runs(kit).list(RunQuery.newest(2).after(second.nextCursor()));

        assertThat(first.runs()).extracting(RunSummary::version).containsExactly("5", "4");
        assertThat(second.runs()).extracting(RunSummary::version).containsExactly("3", "2");
        assertThat(third.runs()).extracting(RunSummary::version).containsExactly("1");
        assertThat(first.nextCursor()).isNotNull();
        assertThat(third.nextCursor()).isNull();
        assertThat(runs(kit).list(RunQuery.newest(6)).nextCursor()).isNull();
    }

    @Test
    void runsAreFilteredByServiceEnvironmentStatusProcedureAndStart() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = deployed(kit, "staging", "1.0", "broken");
        Instant between = Instant.now();
        deployed(kit, "production", "1.0");
        try (Store store = kit.store()) {
            var plan = kit.app().plans(StoreAccess.of(store)).procedure(new Plans.ProcedureRequest(runbook.runbook(),
                    "staging", "flush-cache"));
            kit.app().deployments(store).runProcedure(new Deployments.ProcedureRequest(plan, runbook, "INC-1", null,
                    Actor.local("carol"), RunWatch.NONE, false));
        }
        Runs runs = runs(kit);

        assertThat(versions(runs, new RunQuery("shop", "staging", null, "deploy", null, null, null, null)))
                .containsExactly("broken", "1.0");
        assertThat(versions(runs, new RunQuery(null, null, "rolled_back", null, null, null, null, null)))
                .containsExactly("broken");
        assertThat(runs.list(new RunQuery(null, null, null, "flush-cache", null, null, null, null)).runs())
                .extracting(RunSummary::procedure, RunSummary::startedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("procedure", "carol"));
        assertThat(versions(runs, new RunQuery(null, "production", null, null, between, null, null, null)))
                .containsExactly("1.0");
        assertThat(versions(runs, new RunQuery(null, null, null, "deploy", null, between, null, null)))
                .containsExactly("broken", "1.0");
        assertThat(versions(runs, new RunQuery("cart", null, null, null, null, null, null, null))).isEmpty();
    }

    private static List<String> versions(Runs runs, RunQuery query) {
        return runs.list(query).runs().stream().map(RunSummary::version).toList();
    }

    @Test
    void aCursorNoListingGaveIsRefusedAsInvalidInputSayingWhatToDo() throws Exception {
        AppKit kit = new AppKit(folder);
        deployed(kit, "staging", "1.0");

        for (String cursor : List.of("not a cursor!", "bm90IG1pbmU", "cjE6bm90LWEtbnVtYmVyOnJ1bi0x", "")) {
            assertThatThrownBy(() -> runs(kit).list(RunQuery.newest(5).after(cursor)))
                    .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                        assertThat(e.code()).isEqualTo(ShipshapeException.Code.INVALID_INPUT);
                        assertThat(e.getMessage()).startsWith("cursor '" + cursor + "' is not one a run listing"
                                + " gave; pass the nextCursor of the page before as it is");
                    });
        }
    }

    @Test
    void anUnknownStatusAnEmptyPeriodOrALimitOutOfRangeIsInvalidInput() {
        AppKit kit = new AppKit(folder);
        Runs runs = runs(kit);
        Instant now = Instant.now();

        assertInvalid(() -> runs.list(new RunQuery(null, null, "done", null, null, null, null, null)),
                "status 'done' is not a run status; one of: running, rolling_back, halted, monitoring, succeeded, failed,"
                        + " rolled_back, rollback_failed");
        assertInvalid(() -> runs.list(new RunQuery(null, null, null, null, now, now, null, null)),
                "since " + now + " is not before until " + now + "; no run can start in between; give a since"
                        + " earlier than until");
        assertInvalid(() -> runs.list(RunQuery.newest(0)),
                "limit 0 is out of range; give 1 to 500 and page on with the next cursor");
        assertInvalid(() -> runs.list(RunQuery.newest(501)),
                "limit 501 is out of range; give 1 to 500 and page on with the next cursor");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ShipshapeException.class, e -> {
            assertThat(e.code()).isEqualTo(ShipshapeException.Code.INVALID_INPUT);
            assertThat(e).hasMessage(message);
        });
    }

    @Test
    void aStepsOutputIsFoundByItsIdOrNameAndAnUnknownStepNamesTheStepsThereAre() throws Exception {
        AppKit kit = new AppKit(folder);
        deployed(kit, "staging", "2.0");
        Runs runs = runs(kit);
        String runId = runs.list(RunQuery.newest(1)).runs().getFirst().id();

        StepOutput byId = runs.stepOutput(runId, "deploy/1");

        assertThat(byId).isEqualTo(new StepOutput("deploy/1", "push", "succeeded", "deploy 2.0\n", 11));
        assertThat(runs.stepOutput(runId, "push")).isEqualTo(byId);
        assertThat(runs.outputs(runId)).extracting(StepOutput::id).containsExactly("deploy/1", "deploy/2");
        assertThatThrownBy(() -> runs.stepOutput(runId, "nope")).isInstanceOfSatisfying(ShipshapeException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND);
                    assertThat(e).hasMessage("run " + runId + " has no step nope; its steps: deploy/1, deploy/2,"
                            + " deploy/rollback/1");
                });
        assertThatThrownBy(() -> runs.stepOutput("r-none", "deploy/1"))
                .isInstanceOfSatisfying(ShipshapeException.class,
                        e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
    }
}
