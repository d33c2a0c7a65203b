package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.ShipshapeException;
import dev.shipshape.confirmations.Confirmation;
import dev.shipshape.confirmations.ConfirmationLedger;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Store;
import java.time.Instant;
import java.util.List;

/** Records the confirmation of the confirm step a run waits at: anyone may confirm, the operator too. */
public final class ConfirmationDesk {

    /** @param step the confirm step's name or id, to make sure it is the one waiting; null for whichever waits */
    public record ConfirmRequest(String runId, String step, String note, Actor actor) {
    }

    /** A recorded confirmation ({@code confirm --output json}, the server's confirm route). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Confirmed(String runId, String stepId, String step, String by, String note, Instant at) {
    }

    private final Shipshape app;
    private final Store store;

    ConfirmationDesk(Shipshape app, Store store) {
        this.app = app;
        this.store = store;
    }

    /**
     * @throws ShipshapeException NOT_FOUND for an unknown run; INVALID_INPUT when it ended, waits at no confirm step
     *                            (or another one than named), or the step is confirmed already
     */
    public Confirmed confirm(ConfirmRequest request) {
        String runId = request.runId();
        RunRecord run = Runs.find(store.runs(), runId);
        if (run.status().isFinal()) {
            throw refused("run " + runId + " already ended: " + run.status().label());
        }
        StepRecord waiting = waitingStep(store.runs().steps(runId), run, request.step());
        ConfirmationLedger ledger = store.confirmations();
        ledger.confirmation(runId, waiting.stepId()).ifPresent(c -> {
            throw refused(waiting.stepId() + " of run " + runId + " is already " + c.describe());
        });
        Confirmation confirmation = new Confirmation(runId, waiting.stepId(), request.actor().name(), request.note(),
                app.settings().clock().instant());
        ledger.confirm(confirmation);
        return new Confirmed(runId, waiting.stepId(), waiting.name(), confirmation.by(), request.note(),
                confirmation.at());
    }

    /** The confirm step the run is at (recorded as running; after a crash it stays so until resumed). */
    private static StepRecord waitingStep(List<StepRecord> steps, RunRecord run, String step) {
        String runId = run.runId();
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
