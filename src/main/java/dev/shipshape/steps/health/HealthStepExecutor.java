package dev.shipshape.steps.health;

import dev.shipshape.analysis.RollbackDecision;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.steps.OutputTail;
import dev.shipshape.tls.TlsFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@code health:} step: polls until the service answers healthy the required number of times
 * in a row, or the time is up; then says which check was failing.
 */
public final class HealthStepExecutor {

    private final HttpClient client;
    private final VerificationLog log;
    private final Clock clock;

    public HealthStepExecutor(HttpClient client, VerificationLog log, Clock clock) {
        this.client = client;
        this.log = log;
        this.clock = clock;
    }

    public StepResult execute(PlannedStep planned, HealthStep step, StepContext context) {
        OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
        Duration within = context.timeout() == null || step.within().compareTo(context.timeout()) < 0
                ? step.within() : context.timeout();
        long deadline = System.nanoTime() + within.toNanos();
        int inARow = 0;
        int polls = 0;
        String last = "no answer yet";
        while (true) {
            long started = System.nanoTime();
            HealthAnswer answer = poll(context.secrets().reveal(step.url()), step.interval());
            polls++;
            last = context.secrets().redact(answer.describe());
            inARow = answer.healthy() ? inARow + 1 : 0;
            tail.appendLine("poll " + polls + ": " + last);
            context.output().accept("poll " + polls + ": " + last);
            if (inARow >= step.successes()) {
                return done(planned, context, "passed", "healthy " + inARow + "x in a row after " + polls
                        + (polls == 1 ? " poll" : " polls") + ": " + last, tail, step);
            }
            if (context.isCancelled()) {
                return new StepResult(false, null, "cancelled", tail.text(), tail.size(), false, true);
            }
            long next = started + step.interval().toNanos();
            if (next - deadline >= 0 || !sleepUntil(next, context)) {
                break;
            }
        }
        if (context.isCancelled()) {
            return new StepResult(false, null, "cancelled", tail.text(), tail.size(), false, true);
        }
        return done(planned, context, "failed", "not healthy within " + Durations.format(within) + " (" + polls
                + " polls); last: " + last, tail, step);
    }

    private HealthAnswer poll(String url, Duration interval) {
        Duration limit = interval.compareTo(Duration.ofSeconds(5)) > 0 ? interval : Duration.ofSeconds(5);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(limit).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return HealthAnswer.of(response.statusCode(), response.body());
        } catch (IOException e) {
            return HealthAnswer.unreachable(TlsFailure.describe(e).map(tls -> "TLS with " + url + " failed: " + tls)
                    .orElse(e instanceof java.net.ConnectException ? "connection refused"
                    : e instanceof java.net.http.HttpTimeoutException ? "no answer within " + Durations.format(limit)
                    : e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthAnswer.unreachable("interrupted");
        } catch (IllegalArgumentException e) {
            return HealthAnswer.unreachable("invalid URL " + url + ": " + e.getMessage());
        }
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

    private static boolean sleepUntil(long until, StepContext context) {
        while (System.nanoTime() - until < 0) {
            if (context.isCancelled()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
