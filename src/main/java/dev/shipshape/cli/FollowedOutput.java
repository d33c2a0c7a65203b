package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.time.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code logs --follow}: prints step output as the running engine stores it, until the step (or,
 * following a whole run, the run) ends or the run stops being run (halted, or its engine gone).
 */
final class FollowedOutput {

    /** How often the store is read; the engine writes new output every quarter second. */
    private static final Duration POLL = Duration.ofMillis(200);

    /** Where the reader is in one step's output: which attempt, and how many bytes of it were printed. */
    private record Seen(int attempt, long read) {
    }

    private final RunStore runs;
    private final String runId;
    private final PrintWriter out;
    private final Clock clock;
    private final Map<String, Seen> seen = new HashMap<>();

    FollowedOutput(RunStore runs, String runId, PrintWriter out, Clock clock) {
        this.runs = runs;
        this.runId = runId;
        this.out = out;
        this.clock = clock;
    }

    /** Follows one step (matched by {@code chosen}) without headers, until it ends. */
    void step(Predicate<StepRecord> chosen) {
        while (true) {
            RunRecord run = ShowCommand.find(runs, runId);
            StepRecord step = runs.steps(runId).stream().filter(chosen).findFirst().orElseThrow();
            print(step, false);
            if (step.state().finished() || !beingRun(run)) {
                return;
            }
            pause();
        }
    }

    /** Follows every step of the run, each under a header, until the run ends. */
    void run() {
        while (true) {
            RunRecord run = ShowCommand.find(runs, runId);
            List<StepRecord> steps = runs.steps(runId);
            steps.stream().filter(s -> s.attempts() > 0).forEach(s -> print(s, true));
            if (!beingRun(run)) {
                return;
            }
            pause();
        }
    }

    private void print(StepRecord step, boolean headers) {
        Seen before = seen.get(step.stepId());
        if (step.attempts() == 0) {
            return;
        }
        if (before == null || before.attempt() != step.attempts()) {
            if (headers) {
                out.println("== " + step.stepId() + "  " + Masked.of(step.name()) + "  (" + step.state().label()
                        + (step.attempts() > 1 ? ", attempt " + step.attempts() : "") + ")");
            } else if (before != null) {
                out.println("-- attempt " + step.attempts());
            }
            before = new Seen(step.attempts(), 0);
        }
        OutputTail.Unread unread = OutputTail.unread(step.outputTail(), step.outputSize(), before.read());
        if (unread.skipped() > 0) {
            out.println("… (" + unread.skipped() + " bytes of output were dropped before they could be shown)");
        }
        out.print(unread.text());
        out.flush();
        seen.put(step.stepId(), new Seen(step.attempts(), Math.max(before.read(), step.outputSize())));
    }

    /**
     * Whether an engine still runs the run: it is not final nor halted, and its lock is held for it.
     * A run whose lock is gone was left by an engine that died; following it would never end.
     */
    private boolean beingRun(RunRecord run) {
        if (run.status().isFinal() || run.status() == RunStatus.HALTED) {
            return false;
        }
        boolean locked = runs.lock(run.service(), run.environment()).filter(this::heldForThisRun).isPresent();
        if (locked) {
            return true;
        }
        RunRecord now = ShowCommand.find(runs, runId);
        if (now.status().isFinal() || now.status() == RunStatus.HALTED) {
            return false;
        }
        throw new ShipshapeException(ShipshapeException.Code.FAILED, "run " + runId + " is recorded as "
                + now.status().label() + " but no shipshape process runs it any more (its lock is gone);"
                + " stopped following; continue it with: shipshape resume " + runId);
    }

    private boolean heldForThisRun(EnvLock lock) {
        return lock.runId().equals(runId) && !lock.expiredAt(clock.instant());
    }

    private static void pause() {
        try {
            Sleeper.SYSTEM.pause(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShipshapeException(ShipshapeException.Code.FAILED, "stopped following: interrupted");
        }
    }
}
