package dev.shipshape.store;

import static dev.shipshape.store.SampleRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.Change.Note;
import dev.shipshape.engine.Change.RunChanged;
import dev.shipshape.engine.Change.StageChanged;
import dev.shipshape.engine.Change.StepChanged;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.RunPosition;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunSelection;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunStore} must do, run against each backend by a subclass. Runs, stages,
 * steps and changes are here; history, locks, cancel requests, processes and reading events after a seq in
 * the contracts it implements.
 */
abstract class RunStoreContract implements HistoryContract, LockContract, CancelContract,
        ProcessContract, EventsAfterContract {

    private RunStore store;

    /** A fresh, empty store. */
    protected abstract RunStore openStore() throws Exception;

    @BeforeEach
    void openTheStore() throws Exception {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    @Override
    public RunStore store() {
        return store;
    }

    @Test
    void createdRunReadsBackWithEveryField() {
        NewRun run = SampleRuns.deploy("r-1");
        store.create(run);

        assertThat(store.run("r-1")).contains(new RunRecord("r-1", "shop", "prod", "1.4.0", "1.3.9", "deploy",
                "alice", "/srv/runbooks/shop.yaml", SampleRuns.RUNBOOK, RunStatus.RUNNING, null, T0, null));
        assertThat(store.stages("r-1")).containsExactly(
                new StageRecord("r-1", "build", 1, State.PENDING, null, null, null),
                new StageRecord("r-1", "release", 2, State.PENDING, null, null, null));
        assertThat(store.steps("r-1")).isEqualTo(run.steps());
        assertThat(store.events("r-1")).extracting(EventRecord::kind).containsExactly("run.created");
        assertThat(store.run("r-2")).isEmpty();
    }

    @Test
    void eachChangeWritesItsStateAndAppendsOneEventInOrder() {
        store.create(SampleRuns.deploy("r-1"));
        store.record(new StageChanged("r-1", T0.plusSeconds(1), "build", State.RUNNING, null));
        store.record(new StepChanged("r-1", T0.plusSeconds(2), "build.compile", State.RUNNING, 1, null, null, 0,
                null, "started"));
        store.record(new StepChanged("r-1", T0.plusSeconds(5), "build.compile", State.FAILED, 2, 3, "BUILD FAILED",
                12_345, 3_000L, "exit code 3 (expected 0)"));
        store.record(new Note("r-1", T0.plusSeconds(6), "retry.scheduled", "retrying in 5s"));
        store.record(new StageChanged("r-1", T0.plusSeconds(7), "build", State.FAILED, "build.compile failed"));
        store.record(new RunChanged("r-1", T0.plusSeconds(8), RunStatus.FAILED, "build failed"));

        assertThat(store.events("r-1")).extracting(EventRecord::kind, EventRecord::subject, EventRecord::message)
                .containsExactly(
                        tuple("run.created", null, "deploy shop 1.4.0 to prod"),
                        tuple("stage.running", "build", null),
                        tuple("step.running", "build.compile", "started"),
                        tuple("step.failed", "build.compile", "exit code 3 (expected 0)"),
                        tuple("retry.scheduled", null, "retrying in 5s"),
                        tuple("stage.failed", "build", "build.compile failed"),
                        tuple("run.failed", null, "build failed"));
        assertThat(store.events("r-1")).extracting(EventRecord::seq).isSorted().doesNotHaveDuplicates();
        assertThat(store.events("r-1").get(4).at()).isEqualTo(T0.plusSeconds(6));
        assertThat(store.stages("r-1").get(0)).isEqualTo(new StageRecord("r-1", "build", 1, State.FAILED,
                "build.compile failed", T0.plusSeconds(1), T0.plusSeconds(7)));
        assertThat(store.steps("r-1").get(0)).isEqualTo(new StepRecord("r-1", "build.compile", "build",
                Phase.MAIN, 1, "compile", "run", "mvn package", true, State.FAILED, 2, 3,
                "BUILD FAILED", 12_345, 3_000L, "exit code 3 (expected 0)", T0.plusSeconds(2), T0.plusSeconds(5)));
        RunRecord run = store.run("r-1").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.reason()).isEqualTo("build failed");
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(8));
    }

    @Test
    void outputOfARunningAttemptIsKeptUntilThatAttemptEndsAndNeverOverwritesItsResult() {
        store.create(SampleRuns.deploy("r-1"));
        store.record(new StepChanged("r-1", T0.plusSeconds(2), "build.compile", State.RUNNING, 1, null, null, 0,
                null, "started"));
        store.stepOutput("r-1", "build.compile", 1, "compiling\n", 10);
        StepRecord running = store.steps("r-1").getFirst();
        store.record(new StepChanged("r-1", T0.plusSeconds(5), "build.compile", State.SUCCEEDED, 1, 0,
                "compiling\ndone\n", 15, 3_000L, "exit code 0"));
        store.stepOutput("r-1", "build.compile", 1, "compiling\n", 10);
        store.stepOutput("r-1", "build.compile", 2, "late\n", 5);

        assertThat(running.outputTail()).isEqualTo("compiling\n");
        assertThat(running.outputSize()).isEqualTo(10);
        assertThat(store.steps("r-1").getFirst().outputTail()).isEqualTo("compiling\ndone\n");
        assertThat(store.steps("r-1").getFirst().outputSize()).isEqualTo(15);
        assertThat(store.events("r-1")).extracting(EventRecord::kind).doesNotContain("step.output");
    }

    @Test
    void runThatIsStillGoingHasNoFinishTime() {
        store.create(SampleRuns.deploy("r-1"));
        store.record(new RunChanged("r-1", T0.plusSeconds(3), RunStatus.ROLLING_BACK, "release failed"));

        RunRecord run = store.run("r-1").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.ROLLING_BACK);
        assertThat(run.finishedAt()).isNull();
        assertThat(store.events("r-1")).extracting(EventRecord::kind).endsWith("run.rolling_back");
    }

    @Test
    void stageRunAgainKeepsItsFirstStart() {
        store.create(SampleRuns.deploy("r-1"));
        store.record(new StageChanged("r-1", T0.plusSeconds(1), "build", State.RUNNING, null));
        store.record(new StageChanged("r-1", T0.plusSeconds(9), "build", State.RUNNING, "resumed"));

        assertThat(store.stages("r-1").get(0).startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store.stages("r-1").get(0).finishedAt()).isNull();
    }

    @Test
    void changeOfAnUnknownRunIsNotFoundAndWritesNothing() {
        store.create(SampleRuns.deploy("r-1"));

        assertNotFound(new RunChanged("nope", T0, RunStatus.FAILED, "x"));
        assertNotFound(new StageChanged("nope", T0, "build", State.RUNNING, null));
        assertNotFound(new StepChanged("nope", T0, "build.compile", State.RUNNING, 1, null, null, 0, null, "x"));
        assertNotFound(new Note("nope", T0, "note", "x"));
        assertNotFound(new StepChanged("r-1", T0, "no.such.step", State.RUNNING, 1, null, null, 0, null, "x"));
        assertNotFound(new StageChanged("r-1", T0, "no-such-stage", State.RUNNING, null));

        assertThat(store.events("nope")).isEmpty();
        assertThat(store.events("r-1")).hasSize(1);
        assertThat(store.run("nope")).isEmpty();
    }

    private void assertNotFound(Change change) {
        assertThatThrownBy(() -> store.record(change)).isInstanceOfSatisfying(ShipshapeException.class,
                e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
    }

    @Test
    void duplicateRunIdIsRejectedAndNothingIsWritten() {
        store.create(SampleRuns.deploy("r-1"));

        assertThatThrownBy(() -> store.create(SampleRuns.deploy("r-1", "other", "stage", "9.9.9", T0)))
                .isInstanceOf(ShipshapeException.class).hasMessageContaining("r-1 already exists");

        assertThat(store.run("r-1").orElseThrow().service()).isEqualTo("shop");
        assertThat(store.stages("r-1")).hasSize(2);
        assertThat(store.steps("r-1")).hasSize(4);
        assertThat(store.events("r-1")).hasSize(1);
    }

    @Test
    void runWhoseStepsCannotBeWrittenLeavesNoTrace() {
        NewRun good = SampleRuns.deploy("r-1");
        NewRun twiceTheSameStep = new NewRun("r-1", "shop", "prod", "1.4.0", null, "deploy", "alice", null, null, T0,
                good.stages(), List.of(good.steps().get(0), good.steps().get(0)));

        assertThatThrownBy(() -> store.create(twiceTheSameStep)).isInstanceOf(ShipshapeException.class);

        assertThat(store.run("r-1")).isEmpty();
        assertThat(store.stages("r-1")).isEmpty();
        assertThat(store.events("r-1")).isEmpty();
        store.create(good);
        assertThat(store.steps("r-1")).hasSize(4);
    }

    private void started(String runId, String service, String environment, java.time.Instant at) {
        store.create(SampleRuns.deploy(runId, service, environment, "1", at));
    }

    @Test
    void matchingRunsAreFilteredByServiceEnvironmentStatusProcedureAndStart() {
        started("shop-prod", "shop", "prod", T0);
        started("shop-test", "shop", "test", T0.plusSeconds(10));
        started("cart-prod", "cart", "prod", T0.plusSeconds(20));
        NewRun rollback = SampleRuns.withProcedure(SampleRuns.deploy("shop-back", "shop", "prod", "1",
                T0.plusSeconds(30)), "rollback");
        store.create(rollback);
        store.create(new NewRun("shop-pool", "shop", "prod", null, null, "procedure", "alice", null, "", T0.plusSeconds(40),
                List.of("pool"), List.of(), "pool-exhausted"));
        store.record(new RunChanged("shop-test", T0.plusSeconds(11), RunStatus.FAILED, "broken"));

        assertThat(ids(new RunSelection("shop", null, null, null, null, null)))
                .containsExactly("shop-pool", "shop-back", "shop-test", "shop-prod");
        assertThat(ids(new RunSelection("shop", "prod", RunStatus.RUNNING, null, null, null)))
                .containsExactly("shop-pool", "shop-back", "shop-prod");
        assertThat(ids(new RunSelection(null, null, RunStatus.FAILED, null, null, null))).containsExactly("shop-test");
        assertThat(ids(new RunSelection(null, null, null, "deploy", null, null)))
                .containsExactly("cart-prod", "shop-test", "shop-prod");
        assertThat(ids(new RunSelection(null, null, null, "rollback", null, null))).containsExactly("shop-back");
        assertThat(ids(new RunSelection(null, null, null, "procedure", null, null))).containsExactly("shop-pool");
        assertThat(ids(new RunSelection(null, null, null, "pool-exhausted", null, null))).containsExactly("shop-pool");
        assertThat(ids(new RunSelection(null, null, null, null, T0.plusSeconds(10), T0.plusSeconds(30))))
                .containsExactly("cart-prod", "shop-test");
        assertThat(ids(new RunSelection("nobody", null, null, null, null, null))).isEmpty();
        assertThat(store.runsMatching(RunSelection.ALL, null, 2)).extracting(RunRecord::runId)
                .containsExactly("shop-pool", "shop-back");
    }

    @Test
    void pagesGoOnAfterTheLastRunSeenByStartThenRunIdEvenWhenRunsStartMeanwhile() {
        started("a", "shop", "prod", T0);
        started("b", "shop", "prod", T0.plusSeconds(10));
        started("c", "shop", "prod", T0.plusSeconds(10));
        started("d", "shop", "prod", T0.plusSeconds(20));

        List<RunRecord> first = store.runsMatching(RunSelection.ALL, null, 2);
        started("e", "shop", "prod", T0.plusSeconds(30));
        started("b2", "shop", "prod", T0.plusSeconds(10));
        List<RunRecord> second = store.runsMatching(RunSelection.ALL, RunPosition.of(first.getLast()), 2);
        List<RunRecord> third = store.runsMatching(RunSelection.ALL, RunPosition.of(second.getLast()), 2);

        assertThat(first).extracting(RunRecord::runId).containsExactly("d", "c");
        assertThat(second).extracting(RunRecord::runId).containsExactly("b2", "b");
        assertThat(third).extracting(RunRecord::runId).containsExactly("a");
        assertThat(store.runsMatching(RunSelection.ALL, RunPosition.of(third.getLast()), 2)).isEmpty();
    }

    private List<String> ids(RunSelection selection) {
        return store.runsMatching(selection, null, 10).stream().map(RunRecord::runId).toList();
    }
}
