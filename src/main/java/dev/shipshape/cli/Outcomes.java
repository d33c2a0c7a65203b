package dev.shipshape.cli;

import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;

/** The last words of deploy and resume: the outcome in one line (or the run as JSON) and the exit code. */
final class Outcomes {

    private Outcomes() {
    }

    static int report(Context context, RunStore store, RunOutcome outcome, boolean json) {
        if (json) {
            context.out.println(RunView.json(RunView.full(store, store.run(outcome.runId()).orElseThrow())));
            return ExitCode.of(outcome.status());
        }
        String mark = outcome.status() == RunStatus.SUCCEEDED ? context.terminal.ok() : context.terminal.fail();
        context.out.println(mark + " run " + outcome.runId() + " " + outcome.status().label().replace('_', ' ')
                + (outcome.reason() != null ? ": " + outcome.reason() : ""));
        if (outcome.status() != RunStatus.SUCCEEDED) {
            context.out.println("  details: shipshape show " + outcome.runId());
        }
        return ExitCode.of(outcome.status());
    }
}
