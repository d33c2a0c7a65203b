package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.confirmations.Confirmation;
import dev.shipshape.confirmations.ConfirmationLedger;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Store;
import java.util.List;
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

    /** A recorded confirmation, as {@code confirm --output json} prints it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Confirmed(String runId, String stepId, String step, String by, String note, java.time.Instant at) {
    }

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
            RunRecord run = ShowCommand.find(opened.runs(), runId);
            if (run.status().isFinal()) {
                throw refused("run " + runId + " already ended: " + run.status().label());
            }
            StepRecord waiting = waitingStep(opened.runs().steps(runId), run);
            ConfirmationLedger ledger = opened.confirmations();
            ledger.confirmation(runId, waiting.stepId()).ifPresent(c -> {
                throw refused(waiting.stepId() + " of run " + runId + " is already " + c.describe());
            });
            Confirmation confirmation = new Confirmation(runId, waiting.stepId(), context.user(), note,
                    context.clock.instant());
            ledger.confirm(confirmation);
            context.out.println(output.json() ? Json.write(new Confirmed(runId, waiting.stepId(), waiting.name(),
                    confirmation.by(), note, confirmation.at())) : "confirmed run " + runId + " at "
                    + waiting.stepId() + " (" + waiting.name() + ") as " + confirmation.by());
            return ExitCode.SUCCEEDED;
        }
    }

    /** The confirm step the run is at (recorded as running; after a crash it stays so until resumed). */
    private StepRecord waitingStep(List<StepRecord> steps, RunRecord run) {
        StepRecord waiting = steps.stream().filter(s -> "confirm".equals(s.kind()) && s.state() == State.RUNNING)
                .findFirst().orElseThrow(() -> refused("run " + runId + " is not waiting at a confirm step (it is "
                        + run.status().label() + ")"));
        if (step != null && !step.equals(waiting.stepId()) && !step.equals(waiting.name())) {
            throw refused("run " + runId + " is waiting at " + waiting.stepId() + " (" + waiting.name() + "), not at "
                    + step);
        }
        return waiting;
    }

    private static ShipshapeException refused(String why) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, why);
    }
}
