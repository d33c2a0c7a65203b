package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Asks a run (possibly in another terminal) to stop; it stops its step and rolls back per policy. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Stop a run from another terminal: its current step stops and rollback runs per policy.")
final class CancelCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Option(names = "--reason", required = true, description = "Why (recorded)")
    String reason;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;

    /**
     * {@code cancel --output json}.
     *
     * @param outcome {@code requested} (the run stops its step and rolls back per policy) or {@code recorded_failed}
     *                (the run was halted, so nothing runs it: it is now recorded as failed)
     */
    record Cancelled(String runId, String outcome, String reason, String message) {
    }

    CancelCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            RunRecord run = ShowCommand.find(runs, runId);
            if (run.status().isFinal()) {
                throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId
                        + " already ended: " + run.status().label());
            }
            if (run.status() == RunStatus.HALTED) {
                runs.record(new Change.RunChanged(runId, context.clock.instant(), RunStatus.FAILED,
                        "cancelled by " + context.user() + ": " + reason));
                return print("recorded_failed", "run " + runId + " was halted; now recorded as failed (cancelled)");
            }
            runs.requestCancel(runId, context.user(), reason, context.clock.instant());
            return print("requested", "cancel requested for run " + runId
                    + "; it stops its current step within seconds and rolls back per its policy");
        }
    }

    private int print(String outcome, String message) {
        context.out.println(output.json() ? Json.write(new Cancelled(runId, outcome, reason, message)) : message);
        return ExitCode.SUCCEEDED;
    }
}
