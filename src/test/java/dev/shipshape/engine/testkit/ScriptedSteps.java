package dev.shipshape.engine.testkit;

import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepExecutor;
import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake {@link StepExecutor}: per step id a script of what each attempt does (succeed, fail, time
 * out, be cancelled, pause, block until released, crash the engine), recording every call in order.
 * A step without a script succeeds; a script that ran out repeats its last entry.
 */
public final class ScriptedSteps implements StepExecutor {

    /** What one attempt does. */
    @FunctionalInterface
    public interface Attempt {
        StepResult play(StepContext context);
    }

    /** One call of the executor: which step (as the engine handed it over), and what the engine gave it. */
    public record Call(String stepId, StepContext context, PlannedStep step) {
    }

    /** Thrown by {@link #crash()}: an {@link Error}, so that the engine does not turn it into a failed step. */
    public static final class EngineCrash extends Error {
        EngineCrash(String runId) {
            super("the engine running " + runId + " died in the middle of a step");
        }
    }

    private final ManualClock clock;
    private final Map<String, List<Attempt>> scripts = new HashMap<>();
    private final Map<String, Integer> played = new HashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public ScriptedSteps(ManualClock clock) {
        this.clock = clock;
    }

    /** Sets what the attempts of this step do, one entry per attempt. */
    public ScriptedSteps on(String stepId, Attempt... attempts) {
        scripts.put(stepId, List.of(attempts));
        played.remove(stepId);
        return this;
    }

    @Override
    public StepResult execute(PlannedStep step, StepContext context) {
        calls.add(new Call(step.id(), context, step));
        return next(step.id()).play(context);
    }

    private synchronized Attempt next(String stepId) {
        List<Attempt> script = scripts.get(stepId);
        if (script == null || script.isEmpty()) {
            return succeed();
        }
        int n = played.merge(stepId, 1, Integer::sum);
        return script.get(Math.min(n, script.size()) - 1);
    }

    /** The step ids the engine ran, one per attempt, in order. */
    public List<String> calls() {
        return calls.stream().map(Call::stepId).toList();
    }

    /** The step as the engine handed it to its last attempt (references the engine fills in, filled in). */
    public PlannedStep handed(String stepId) {
        return calls.reversed().stream().filter(c -> c.stepId().equals(stepId)).findFirst().orElseThrow().step();
    }

    /** What the engine gave each attempt of this step. */
    public List<StepContext> contexts(String stepId) {
        List<StepContext> found = new ArrayList<>();
        calls.stream().filter(c -> c.stepId().equals(stepId)).forEach(c -> found.add(c.context()));
        return found;
    }

    public static Attempt succeed() {
        return context -> StepResult.success(0, "exit code 0", "", 0);
    }

    public static Attempt fail(String message) {
        return context -> StepResult.failure(1, message, message + "\n", message.length() + 1);
    }

    /** Uses all the time the attempt was given, then stops as the real executors do. */
    public Attempt timeOut() {
        return context -> {
            clock.advance(context.timeout());
            return StepResult.timedOut("timed out after " + Durations.format(context.timeout()), "", 0);
        };
    }

    public static Attempt cancelled() {
        return context -> StepResult.cancelled("cancelled", "", 0);
    }

    public static Attempt pause(String message) {
        return context -> StepResult.pause(message, null);
    }

    /** Takes this long on the manual clock, then does what {@code then} does. */
    public Attempt takes(Duration duration, Attempt then) {
        return context -> {
            clock.advance(duration);
            return then.play(context);
        };
    }

    /** Runs a test's action while the step runs (e.g. start another run), then does what {@code then} does. */
    public static Attempt meanwhile(Runnable action, Attempt then) {
        return context -> {
            action.run();
            return then.play(context);
        };
    }

    /** Waits until the test releases it (then succeeds) or the run is cancelled (then stops as cancelled). */
    public static Attempt blockUntil(Release release) {
        return release::await;
    }

    /** The engine dies in the middle of this attempt: the step stays recorded as running. */
    public static Attempt crash() {
        return context -> {
            throw new EngineCrash(context.runId());
        };
    }
}
