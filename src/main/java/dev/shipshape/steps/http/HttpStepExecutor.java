package dev.shipshape.steps.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.engine.Secrets;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.http.Deadline;
import dev.shipshape.http.Exchange;
import dev.shipshape.http.Exchanges;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.engine.OutputTail;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * Runs an {@code http:} step: sends one request and checks the response against the step's
 * expectations. The redirect policy is the client's; {@code StepExecutors} uses one that follows
 * none, so a health check sees a redirect as what it is.
 */
public final class HttpStepExecutor {

    /** A request's time when its step has no limit of its own (README: 30 s for steps that are not {@code run}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Exchanges exchanges;
    private final int tailLimitBytes;
    private final Expectations expectations = new Expectations(new ObjectMapper());

    /** @param tailLimitBytes how much of the response a result keeps */
    public HttpStepExecutor(Exchanges exchanges, int tailLimitBytes) {
        this.exchanges = exchanges;
        this.tailLimitBytes = tailLimitBytes;
    }

    /** Sends the request once, within the attempt's time; every expected failure is a result, never an exception. */
    public StepResult execute(HttpStep step, StepContext context) {
        return execute(step, context, Deadline.in(context.timeout() != null ? context.timeout() : DEFAULT_TIMEOUT));
    }

    /** Sends the request once; the whole exchange, body included, ends by {@code deadline}. */
    public StepResult execute(HttpStep step, StepContext context, Deadline deadline) {
        Secrets secrets = context.secrets();
        HttpRequest request;
        try {
            request = RevealedRequest.of(step, secrets);
        } catch (IllegalArgumentException e) {
            return StepResult.failure(null, secrets.redact("invalid request: " + e.getMessage()), "", 0);
        }
        return switch (exchanges.send(request, deadline, context::isCancelled)) {
            case Exchange.Answered answer -> judge(step, context, answer);
            case Exchange.Failed failed -> failed.timedOut()
                    ? StepResult.timedOut(secrets.redact(failed.reason()), "", 0)
                    : StepResult.failure(null, secrets.redact(failed.reason()), "", 0);
            case Exchange.Cancelled cancelled -> StepResult.cancelled("cancelled", "", 0);
        };
    }

    private StepResult judge(HttpStep step, StepContext context, Exchange.Answered answer) {
        Secrets secrets = context.secrets();
        String body = answer.text();
        String statusLine = ReasonPhrases.statusLine(answer.status());
        List<String> problems = expectations.problems(RevealedRequest.expectations(step, secrets),
                answer.status(), body, answer.latency());
        String tail = tail(statusLine, body, context);
        String json = context.secrets().redact(body);
        if (problems.isEmpty()) {
            return StepResult.success(null, statusLine + " in " + answer.latency().toMillis() + "ms", tail,
                    answer.size()).withJson(json);
        }
        String listed = String.join("; ", problems);
        // The status belongs in every message; when it was fine, say it up front.
        boolean statusFine = Expectations.statusAccepted(step.expect().status(), answer.status());
        String message = statusFine ? statusLine + ": " + listed : listed;
        return StepResult.failure(null, secrets.redact(message), tail, answer.size()).withJson(json);
    }

    /** Status line and body, redacted as a whole (so no secret is split), bounded, and shown live. */
    private String tail(String statusLine, String body, StepContext context) {
        OutputTail tail = new OutputTail(tailLimitBytes);
        tail.appendLine("HTTP " + statusLine);
        String redacted = context.secrets().redact(body);
        if (!redacted.isEmpty()) {
            redacted.lines().forEach(tail::appendLine);
        }
        String text = tail.text();
        text.lines().forEach(context.output());
        return text;
    }
}
