package dev.shipshape.cli;

import dev.shipshape.engine.Change;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.State;
import dev.shipshape.plan.Plan;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** Prints a run as it happens: stages, steps with their outcome and time, output lines, retries, rollback. */
final class LiveProgress implements RunListener {

    private final PrintWriter out;
    private final Terminal terminal;
    private final Map<String, String> summaries = new HashMap<>();

    LiveProgress(PrintWriter out, Terminal terminal, Plan plan) {
        this.out = out;
        this.terminal = terminal;
        plan.allSteps().forEach(s -> summaries.put(s.id(), Masked.of(s.step().displayName())));
    }

    @Override
    public synchronized void changed(Change change) {
        switch (change) {
            case Change.RunChanged run -> run(run);
            case Change.StageChanged stage -> stage(stage);
            case Change.StepChanged step -> step(step);
            case Change.Note note -> note(note);
            case Change.ProcessStarted started -> {
            }
        }
        out.flush();
    }

    @Override
    public synchronized void output(String stepId, String line) {
        out.println(terminal.dim("      | " + line));
        out.flush();
    }

    private void run(Change.RunChanged run) {
        if (run.status() == RunStatus.RUNNING && run.reason() != null) {
            out.println(terminal.bold("Run " + run.runId()) + ": " + run.reason());
        } else if (run.status() == RunStatus.ROLLING_BACK) {
            out.println(terminal.undo() + " rolling back: " + run.reason());
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
                || note.kind().equals("process.stopped")) {
            out.println("    " + terminal.dim(note.message()));
        }
    }
}
