package dev.shipshape.steps.approval;

import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.approvals.ApprovalLedger;
import dev.shipshape.approvals.ApprovalRequest;
import dev.shipshape.approvals.Tally;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs an {@code approval} step: opens (or reopens, after a restart) the request in the ledger,
 * then polls it until enough people approved, someone rejected, it expired, the step's time ran
 * out, or the run is cancelled. The decisions themselves are recorded by {@code shipshape approve}
 * and {@code reject}, usually from another terminal.
 */
public final class ApprovalStepExecutor {

    private final ApprovalLedger ledger;
    private final Clock clock;
    private final Duration poll;

    public ApprovalStepExecutor(ApprovalLedger ledger, Clock clock, Duration poll) {
        this.ledger = ledger;
        this.clock = clock;
        this.poll = poll;
    }

    public StepResult execute(String stepId, ApprovalStep step, StepContext context) {
        Instant now = clock.instant();
        Duration expires = step.approvals().expires();
        ApprovalRequest request = ledger.open(context.runId(), stepId, now, expires == null ? null : now.plus(expires));
        context.output().accept("waiting for " + step.summary() + "; approve with: shipshape approve "
                + context.runId() + " (or reject with: shipshape reject " + context.runId() + " --reason ...)");
        long deadline = Ticks.SYSTEM.nanos() + context.timeout().toNanos();
        String last = null;
        while (true) {
            Tally tally = Tally.of(step.approvals().count(), request, ledger.decisions(context.runId(), stepId),
                    clock.instant());
            if (tally.state() == Tally.State.APPROVED) {
                return StepResult.success(null, tally.reason(), null, 0);
            }
            if (tally.state() != Tally.State.WAITING) {
                return StepResult.failure(null, tally.reason(), null, 0);
            }
            if (!tally.reason().equals(last)) {
                context.output().accept(tally.reason());
                last = tally.reason();
            }
            if (context.isCancelled()) {
                return StepResult.cancelled("cancelled while waiting for approval (" + tally.reason() + ")",
                        null, 0);
            }
            if (Ticks.SYSTEM.nanos() - deadline >= 0) {
                return StepResult.timedOut("timed out waiting for approval (" + tally.reason() + ")",
                        null, 0);
            }
            if (!sleep()) {
                return StepResult.cancelled("interrupted while waiting for approval", null, 0);
            }
        }
    }

    private boolean sleep() {
        try {
            Sleeper.SYSTEM.pause(poll);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
