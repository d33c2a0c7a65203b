package dev.shipshape.steps.health;

import dev.shipshape.analysis.RollbackDecision;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.steps.kit.Waiting;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.http.Deadline;
import dev.shipshape.http.Exchange;
import dev.shipshape.http.Exchanges;
import dev.shipshape.runbook.HttpUrl;
import dev.shipshape.time.Ticks;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@code health:} step: polls until the service answers healthy the required number of times
 * in a row, or the time is up; then says which check was failing.
 */
public final class HealthStepExecutor {

    private final Exchanges exchanges;
    private final VerificationLog log;
    private final Clock clock;

    public HealthStepExecutor(Exchanges exchanges, VerificationLog log, Clock clock) {
        this.exchanges = exchanges;
        this.log = log;
        this.clock = clock;
    }

    public StepResult execute(PlannedStep planned, HealthStep step, StepContext context) {
        OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
        Duration within = context.timeout() == null || step.within().compareTo(context.timeout()) < 0
                ? step.within() : context.timeout();
        Deadline deadline = Deadline.in(within);
        int inARow = 0;
        int polls = 0;
        String last = "no answer yet";
        String[] body = {null};
        while (!context.isCancelled()) {
            long started = Ticks.SYSTEM.nanos();
            HealthAnswer answer = poll(context, step, deadline.atMost(pollLimit(step)), body);
            if (context.isCancelled() || polls > 0 && deadline.passed() && answer.timedOut()) {
                break; // a poll cut short by the step's own limit says nothing new: the last answer stands
            }
            polls++;
            last = context.secrets().redact(answer.describe());
            inARow = answer.healthy() ? inARow + 1 : 0;
            tail.appendLine("poll " + polls + ": " + last);
            context.output().accept("poll " + polls + ": " + last);
            if (inARow >= step.successes()) {
                return done(planned, context, "passed", "healthy " + inARow + "x in a row after " + polls
                        + (polls == 1 ? " poll" : " polls") + ": " + last, tail, step)
                        .withJson(redacted(body[0], context));
            }
            long next = started + step.interval().toNanos();
            if (next - deadline.atNanos() >= 0 || !Waiting.until(next, deadline.atNanos(), context)) {
                break;
            }
        }
        if (context.isCancelled()) {
            return StepResult.cancelled("cancelled", tail.text(), tail.size());
        }
        return done(planned, context, "failed", "not healthy within " + Durations.format(within) + " (" + polls
                + " polls); last: " + last, tail, step).withJson(redacted(body[0], context));
    }

    /** The last answer's body, for later conditions ({@code ${steps.NAME.json.checks.database}}), redacted. */
    private static String redacted(String body, StepContext context) {
        return body == null ? null : context.secrets().redact(body);
    }

    /** A poll waits for an answer at least 5 s, longer when polls are further apart. */
    private static Duration pollLimit(HealthStep step) {
        return step.interval().compareTo(Duration.ofSeconds(5)) > 0 ? step.interval() : Duration.ofSeconds(5);
    }

    private HealthAnswer poll(StepContext context, HealthStep step, Deadline deadline, String[] body) {
        String url = context.secrets().reveal(step.url());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(HttpUrl.of(url)).GET().build();
        } catch (IllegalArgumentException e) {
            return HealthAnswer.unreachable(e.getMessage());
        }
        return switch (exchanges.send(request, deadline, context::isCancelled)) {
            case Exchange.Answered answer -> {
                body[0] = answer.text();
                yield HealthAnswer.of(answer.status(), answer.text(), step.healthy());
            }
            case Exchange.Failed failed -> failed.timedOut()
                    ? HealthAnswer.noAnswerWithin("no complete answer within " + Durations.format(deadline.budget()))
                    : HealthAnswer.unreachable(failed.reason());
            case Exchange.Cancelled cancelled -> HealthAnswer.unreachable("cancelled");
        };
    }

    private StepResult done(PlannedStep planned, StepContext context, String outcome, String reason, OutputTail tail,
                            HealthStep step) {
        log.result(new VerificationLog.StoredResult(context.runId(), planned.id(), "health", outcome, reason, 0, 0,
                clock.instant()));
        if (outcome.equals("passed")) {
            return StepResult.success(null, reason, tail.text(), tail.size());
        }
        var decision = RollbackDecision.decide(step.rules(), List.of("health failed"), "health failed: " + reason);
        RollbackRule.Action action = decision.map(RollbackDecision.Decision::action).orElse(RollbackRule.Action.ROLLBACK);
        String message = decision.map(RollbackDecision.Decision::reason).orElse(reason);
        return switch (action) {
            case PAUSE -> StepResult.pause(message, tail.text());
            case ALERT -> StepResult.success(null, message + " (alert only, by rule)", tail.text(), tail.size());
            case ROLLBACK -> StepResult.failure(null, message, tail.text(), tail.size());
        };
    }
}
