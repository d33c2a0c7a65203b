package dev.shipshape.cli;

import dev.shipshape.app.ConfirmationDesk;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Confirms the confirm step a run is waiting at, as SHIPSHAPE_USER (or the OS user); anyone may, the operator too. */
@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Confirm a run waiting at a confirm step (as SHIPSHAPE_USER, or the OS user).",
                "Recorded with who, when and the note; the run goes on (or finds it when resumed)."})
final class ConfirmCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Option(names = "--step", paramLabel = "NAME", description = "The confirm step (its name or id) the run waits at")
    String step;
    @Option(names = "--note", description = "Recorded with the confirmation, e.g. what you saw")
    String note;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;

    ConfirmCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(store.url)) {
            ConfirmationDesk.Confirmed confirmed = context.app.confirmations(opened).confirm(
                    new ConfirmationDesk.ConfirmRequest(runId, step, note, context.actor()));
            context.out.println(output.json() ? Json.write(confirmed) : "confirmed run " + runId + " at "
                    + confirmed.stepId() + " (" + confirmed.step() + ") as " + confirmed.by());
            return ExitCode.SUCCEEDED;
        }
    }
}
