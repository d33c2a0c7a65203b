package dev.shipshape.engine.testkit;

import dev.shipshape.engine.CancelSignal;
import dev.shipshape.engine.Engine;
import dev.shipshape.engine.EngineSettings;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRequest;
import dev.shipshape.engine.Secrets;
import dev.shipshape.engine.StageWatch;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.yaml.RunbookLoader;
import dev.shipshape.steps.StepKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An engine over fakes, for tests that run in milliseconds: scripted steps, an in-memory store, a
 * manual clock and a sleeper that only moves it. Plans come from runbook text, planned for
 * {@code prod}, version 2.0 after 1.0.
 */
public final class EngineKit {

    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    public static final Duration LEASE = Duration.ofSeconds(30);

    public final ManualClock clock = new ManualClock(T0);
    public final InMemoryRunStore store = new InMemoryRunStore(clock);
    public final ScriptedSteps steps = new ScriptedSteps(clock);
    public final ManualSleeper sleeper = new ManualSleeper(clock);
    public final CancelSignal signal = new CancelSignal();

    /** An engine as one process would hold it: {@code holder} names that process. */
    public Engine engine(String holder) {
        return new Engine(store, steps, new EngineSettings(clock, holder, LEASE, Duration.ZERO), StageWatch.NONE,
                sleeper);
    }

    public static Plan plan(String runbook) {
        return plan(runbook, "2.0", "1.0");
    }

    /** @param previousVersion null for a first deploy */
    public static Plan plan(String runbook, String version, String previousVersion) {
        var parsed = new RunbookLoader(StepKinds.all()).parse(Path.of("/srv/shop/shipshape.yaml"), runbook);
        return new Planner(Map.of()).deploy(parsed, "prod", version, previousVersion);
    }

    public RunOutcome start(Plan plan) {
        return start(plan, Secrets.NONE);
    }

    public RunOutcome start(Plan plan, Secrets secrets) {
        return engine("host-a:1").start(plan, new RunRequest("alice", "/srv/shop/shipshape.yaml", "runbook"),
                secrets, RunListener.NONE, signal);
    }

    /** Resumes from another process, as {@code shipshape resume} does after a crash or a halt. */
    public RunOutcome resume(String runId, Plan plan, ResumeChoice choice) {
        return engine("host-b:2").resume(runId, plan, Secrets.NONE, choice, RunListener.NONE, new CancelSignal());
    }

    /** The id of the only run in the store. */
    public String runId() {
        return store.runs(null, null, 2).stream().map(r -> r.runId()).reduce((a, b) -> {
            throw new AssertionError("more than one run: " + a + ", " + b);
        }).orElseThrow(() -> new AssertionError("no run in the store"));
    }

    public StepRecord step(String stepId) {
        return store.steps(runId()).stream().filter(s -> s.stepId().equals(stepId)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + stepId));
    }

    public State stage(String name) {
        return store.stages(runId()).stream().filter(s -> s.stage().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name)).state();
    }

    /** Messages of the run's events of one kind, in order. */
    public List<String> events(String kind) {
        return store.events(runId()).stream().filter(e -> e.kind().equals(kind)).map(EventRecord::message).toList();
    }
}
