package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.State;
import dev.shipshape.plan.Plan;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a run as it happens: stages, steps with their outcome and time, output lines, retries, rollback.
 * While a step runs, a log gets a {@code still running} line every heartbeat, and a terminal a status
 * line with the step, its time and its last output line, rewritten in place each second.
 */
final class LiveProgress implements RunListener {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);
    private static final String ERASE_LINE = "\r\u001B[2K";

    private final PrintWriter out;
    private final Terminal terminal;
    private final Clock clock;
    private final Duration heartbeat;
    private final int width;
    private final Map<String, String> summaries = new HashMap<>();
    private RunningStep running;
    private Pulse pulse;
    private boolean statusShown;

    LiveProgress(PrintWriter out, Terminal terminal, Plan plan) {
        this(out, terminal, plan, Clock.systemUTC(), RunningStep.DEFAULT_HEARTBEAT, 80);
    }

    /** @param width how many columns a terminal's status line may take */
    LiveProgress(PrintWriter out, Terminal terminal, Plan plan, Clock clock, Duration heartbeat, int width) {
        this(out, terminal, summariesOf(plan), clock, heartbeat, width);
    }

    /** @param summaries each step's line after its id, by step id (a server's run document has them) */
    LiveProgress(PrintWriter out, Terminal terminal, Map<String, String> summaries, Clock clock, Duration heartbeat,
                 int width) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.width = width;
        this.summaries.putAll(summaries);
    }

    private static Map<String, String> summariesOf(Plan plan) {
        Map<String, String> summaries = new HashMap<>();
        plan.allSteps().forEach(s -> summaries.put(s.id(), Masked.of(s.step().displayName())));
        return summaries;
    }

    /** As the commands print a server's runs: step summaries from its run document. */
    static LiveProgress of(Context context, Map<String, String> summaries) {
        return new LiveProgress(context.out, context.terminal, summaries, context.clock,
                RunningStep.heartbeat(context.env), columns(context.env.get("COLUMNS")));
    }

    /** As the commands print runs: heartbeat from SHIPSHAPE_HEARTBEAT, width from COLUMNS. */
    static LiveProgress of(Context context, Plan plan) {
        return new LiveProgress(context.out, context.terminal, plan, context.clock,
                RunningStep.heartbeat(context.env), columns(context.env.get("COLUMNS")));
    }

    private static int columns(String text) {
        try {
            return text == null ? 80 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public synchronized void changed(Change change) {
        eraseStatus();
        switch (change) {
            case Change.RunChanged run -> run(run);
            case Change.StageChanged stage -> stage(stage);
            case Change.StepChanged step -> step(step);
            case Change.Note note -> note(note);
            case Change.ProcessStarted started -> {
            }
        }
        drawStatus();
        out.flush();
    }

    @Override
    public synchronized void output(String stepId, String line) {
        eraseStatus();
        out.println(terminal.dim("      | " + line));
        if (running != null) {
            running.line(line);
        }
        drawStatus();
        out.flush();
    }

    private void started(String stepId) {
        ended();
        RunningStep step = new RunningStep(stepId, summaries.get(stepId), clock.millis());
        running = step;
        pulse = Pulse.every(terminal.interactive() ? STATUS_EVERY : heartbeat, () -> beat(step));
    }

    private void ended() {
        if (pulse != null) {
            pulse.stop();
        }
        pulse = null;
        running = null;
    }

    private synchronized void beat(RunningStep step) {
        if (running != step) {
            return;
        }
        if (terminal.interactive()) {
            drawStatus();
        } else {
            out.println(step.heartbeat(clock.millis()));
        }
        out.flush();
    }

    private void drawStatus() {
        if (terminal.interactive() && running != null) {
            out.print(ERASE_LINE + terminal.dim(running.status(clock.millis(), width)));
            statusShown = true;
        }
    }

    private void eraseStatus() {
        if (statusShown) {
            out.print(ERASE_LINE);
            statusShown = false;
        }
    }

    private void run(Change.RunChanged run) {
        if (run.status().isFinal() || run.status() == RunStatus.HALTED) {
            ended();
        }
        if (run.status() == RunStatus.RUNNING && run.reason() != null) {
            out.println(terminal.bold("Run " + run.runId()) + ": " + run.reason());
        } else if (run.status() == RunStatus.ROLLING_BACK) {
            out.println(terminal.undo() + " rolling back: " + run.reason());
        } else if (run.status() == RunStatus.MONITORING) {
            out.println(terminal.bold("Run " + run.runId()) + " is " + run.reason());
        }
    }

    private void stage(Change.StageChanged stage) {
        if (stage.state() == State.RUNNING) {
            out.println("== " + terminal.bold(stage.stage()) + (stage.reason() != null ? " (" + stage.reason() + ")" : ""));
        } else if (stage.state() == State.SKIPPED) {
            out.println(terminal.skip() + " stage " + stage.stage() + " skipped: " + stage.reason());
        } else if (stage.state() == State.ROLLED_BACK) {
            out.println(terminal.undo() + " stage " + stage.stage() + " rolled back");
        }
    }

    private void step(Change.StepChanged step) {
        String name = step.stepId() + "  " + summaries.getOrDefault(step.stepId(), "");
        String time = step.durationMillis() == null ? "" : "  " + terminal.dim(Elapsed.format(step.durationMillis()));
        if (step.state() == State.RUNNING) {
            started(step.stepId());
        } else {
            ended();
        }
        switch (step.state()) {
            case RUNNING -> out.println("  " + terminal.start() + " " + name
                    + (step.attempt() > 1 ? terminal.dim("  (attempt " + step.attempt() + ")") : ""));
            case SUCCEEDED -> out.println("  " + terminal.ok() + " " + name + time);
            case FAILED -> out.println("  " + terminal.fail() + " " + name + time + "  " + step.message());
            case SKIPPED -> out.println("  " + terminal.skip() + " " + name + "  skipped: " + step.message());
            default -> {
            }
        }
    }

    private void note(Change.Note note) {
        if (note.kind().equals("step.retry") || note.kind().equals("step.rerun")
                || note.kind().equals("process.stopped") || note.kind().equals("step.when")
                || note.kind().equals("step.decides") || note.kind().equals("step.repeat")
                || note.kind().equals("monitoring.ended")) {
            out.println("    " + terminal.dim(note.message()));
        }
    }
}
