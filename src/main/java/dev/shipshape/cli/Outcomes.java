package dev.shipshape.cli;

import dev.shipshape.app.StoreAccess;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;

/** The last words of deploy and resume: the outcome in one line (or the run as JSON) and the exit code. */
final class Outcomes {

    private Outcomes() {
    }

    /** With {@code json}, the run as {@code show --output json} prints it. */
    static int report(Context context, Store opened, RunOutcome outcome, boolean json) {
        RunStore store = opened.runs();
        if (json) {
            context.out.println(Json.write(context.app.runs(StoreAccess.of(opened)).document(outcome.runId())));
            return exitCode(store, outcome);
        }
        String mark = outcome.status() == RunStatus.SUCCEEDED ? context.terminal.ok() : context.terminal.fail();
        context.out.println(mark + " run " + outcome.runId() + " " + outcome.status().label().replace('_', ' ')
                + (outcome.reason() != null ? ": " + outcome.reason() : ""));
        if (outcome.status() != RunStatus.SUCCEEDED) {
            context.out.println("  details: shipshape show " + outcome.runId());
        }
        return exitCode(store, outcome);
    }

    /** A run stopped by a rejected approval was refused by a gate (5), unless its rollback failed (4). */
    private static int exitCode(RunStore store, RunOutcome outcome) {
        boolean rejected = (outcome.status() == RunStatus.FAILED || outcome.status() == RunStatus.ROLLED_BACK)
                && store.steps(outcome.runId()).stream().anyMatch(s -> "approval".equals(s.kind())
                && s.state() == dev.shipshape.engine.State.FAILED && s.message() != null
                && s.message().startsWith("rejected by "));
        return rejected ? ExitCode.BLOCKED : ExitCode.of(outcome.status());
    }
}
