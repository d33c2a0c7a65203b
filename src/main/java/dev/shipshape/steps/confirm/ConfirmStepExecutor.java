package dev.shipshape.steps.confirm;

import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import dev.shipshape.confirmations.Confirmation;
import dev.shipshape.confirmations.ConfirmationLedger;
import dev.shipshape.confirmations.OperatorPrompt;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.ConfirmStep;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@code confirm:} step: shows what to check or do, then waits until someone confirms, at the terminal running
 * it (the operator may confirm their own run) or with {@code shipshape confirm RUN_ID} from another terminal; a
 * confirmation given while no process ran the step (after a crash) is found at once when it runs again.
 */
public final class ConfirmStepExecutor {

    /** {@code yes}, {@code y}, or either followed by a note ({@code yes: no new errors}, {@code yes, all green}). */
    private static final Pattern YES = Pattern.compile("(?i)\\s*(yes|y)\\b[\\s:,.-]*(.*)");

    private final ConfirmationLedger ledger;
    private final OperatorPrompt operator;
    private final Clock clock;
    private final Duration poll;

    public ConfirmStepExecutor(ConfirmationLedger ledger, OperatorPrompt operator, Clock clock, Duration poll) {
        this.ledger = ledger;
        this.operator = operator;
        this.clock = clock;
        this.poll = poll;
    }

    public StepResult execute(String stepId, ConfirmStep step, StepContext context) {
        Optional<Confirmation> given = ledger.confirmation(context.runId(), stepId);
        if (given.isPresent()) {
            return StepResult.success(null, given.get().describe(), null, 0);
        }
        ask(stepId, step, context);
        long deadline = Ticks.SYSTEM.nanos() + context.timeout().toNanos();
        while (true) {
            given = ledger.confirmation(context.runId(), stepId);
            if (given.isPresent()) {
                return StepResult.success(null, given.get().describe(), null, 0);
            }
            if (context.isCancelled()) {
                return StepResult.cancelled("cancelled while waiting for confirmation", null, 0);
            }
            if (Ticks.SYSTEM.nanos() - deadline >= 0) {
                return StepResult.timedOut("timed out waiting for confirmation: " + step.question(), null, 0);
            }
            try {
                String typed = wait(context);
                if (typed != null) {
                    answered(stepId, typed, context);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StepResult.cancelled("interrupted while waiting for confirmation", null, 0);
            }
        }
    }

    private void ask(String stepId, ConfirmStep step, StepContext context) {
        context.output().accept("waiting for confirmation: " + step.question());
        if (step.instructions() != null) {
            step.instructions().strip().lines().forEach(line -> context.output().accept("  " + line));
        }
        context.output().accept("confirm with: shipshape confirm " + context.runId() + " --step " + stepId
                + " [--note ...]");
        if (operator.present()) {
            operator.discardTyped();
            context.output().accept("or type 'yes' here (a note may follow: yes, no new errors) to confirm as "
                    + operator.operator());
        }
    }

    /** A line the operator typed within one poll, or null; without a terminal it only waits. */
    private String wait(StepContext context) throws InterruptedException {
        if (operator.present()) {
            return operator.nextLine(poll);
        }
        Sleeper.SYSTEM.pause(poll);
        return null;
    }

    private void answered(String stepId, String typed, StepContext context) {
        Matcher yes = YES.matcher(typed);
        if (!yes.matches()) {
            context.output().accept("type 'yes' to confirm (got '" + typed.strip().toLowerCase(Locale.ROOT) + "')");
            return;
        }
        String note = yes.group(2).strip();
        if (ledger.confirmation(context.runId(), stepId).isEmpty()) {
            ledger.confirm(new Confirmation(context.runId(), stepId, operator.operator(), note.isEmpty() ? null : note,
                    clock.instant()));
        }
    }
}
