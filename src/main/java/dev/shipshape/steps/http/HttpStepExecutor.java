package dev.shipshape.steps.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.engine.Secrets;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.steps.OutputTail;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an {@code http:} step: sends one request and checks the response against the step's
 * expectations. The redirect policy is the client's; {@code StepExecutors} uses one that follows
 * none, so a health check sees a redirect as what it is.
 */
public final class HttpStepExecutor {

    /** Cancellation is checked this often, well within the second the engine allows. */
    private static final long POLL_MILLIS = 100;

    private static final Duration FOREVER = Duration.ofDays(3650);

    private final HttpClient client;
    private final int tailLimitBytes;
    private final Expectations expectations = new Expectations(new ObjectMapper());

    /** @param tailLimitBytes how much of the response a result keeps */
    public HttpStepExecutor(HttpClient client, int tailLimitBytes) {
        this.client = client;
        this.tailLimitBytes = tailLimitBytes;
    }

    /** Sends the request once; every expected failure is a result, never an exception. */
    public StepResult execute(HttpStep step, StepContext context) {
        Secrets secrets = context.secrets();
        HttpRequest request;
        try {
            request = RevealedRequest.of(step, secrets, limit(context));
        } catch (IllegalArgumentException e) {
            return StepResult.failure(null, secrets.redact("invalid request: " + e.getMessage()), "", 0);
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<ReceivedBody>> sending = client.sendAsync(request, ReceivedBody.handler());
        return awaitResponse(sending, context).map(
                response -> judge(step, context, response, Duration.ofNanos(System.nanoTime() - start)),
                failure -> failed(failure, request, context));
    }

    private SendOutcome awaitResponse(CompletableFuture<HttpResponse<ReceivedBody>> sending, StepContext context) {
        long deadline = System.nanoTime() + limit(context).toNanos();
        try {
            while (true) {
                try {
                    return new SendOutcome.Received(sending.get(POLL_MILLIS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException stillWaiting) {
                    Optional<StepResult> stop = reasonToStop(context, deadline);
                    if (stop.isPresent()) {
                        sending.cancel(true);
                        return new SendOutcome.Stopped(stop.get());
                    }
                }
            }
        } catch (ExecutionException e) {
            return new SendOutcome.Failed(e.getCause());
        } catch (InterruptedException e) {
            sending.cancel(true);
            Thread.currentThread().interrupt();
            return new SendOutcome.Stopped(cancelled());
        }
    }

    /** Cancellation, or the attempt's own deadline (the request's timeout does not cover a slow body). */
    private static Optional<StepResult> reasonToStop(StepContext context, long deadline) {
        if (context.isCancelled()) {
            return Optional.of(cancelled());
        }
        if (System.nanoTime() - deadline >= 0) {
            return Optional.of(timedOut(context));
        }
        return Optional.empty();
    }

    private StepResult judge(HttpStep step, StepContext context, HttpResponse<ReceivedBody> response,
                             Duration latency) {
        Secrets secrets = context.secrets();
        String body = new String(response.body().kept(), StandardCharsets.UTF_8);
        String statusLine = ReasonPhrases.statusLine(response.statusCode());
        List<String> problems = expectations.problems(RevealedRequest.expectations(step, secrets),
                response.statusCode(), body, latency);
        String tail = tail(statusLine, body, context);
        long size = response.body().size();
        if (problems.isEmpty()) {
            return StepResult.success(null, statusLine + " in " + latency.toMillis() + "ms", tail, size);
        }
        String listed = String.join("; ", problems);
        // The status belongs in every message; when it was fine, say it up front.
        boolean statusFine = Expectations.statusAccepted(step.expect().status(), response.statusCode());
        String message = statusFine ? statusLine + ": " + listed : listed;
        return StepResult.failure(null, secrets.redact(message), tail, size);
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

    private static StepResult failed(Throwable failure, HttpRequest request, StepContext context) {
        String url = context.secrets().redact(request.uri().toString());
        String message = context.secrets().redact(SendFailure.describe(failure, url, limit(context)));
        return new StepResult(false, null, message, "", 0, SendFailure.isTimeout(failure), false);
    }

    /** The attempt's time limit; without one, practically none. */
    private static Duration limit(StepContext context) {
        return context.timeout() != null ? context.timeout() : FOREVER;
    }

    private static StepResult cancelled() {
        return new StepResult(false, null, "cancelled", "", 0, false, true);
    }

    private static StepResult timedOut(StepContext context) {
        String message = "timed out after " + Durations.format(limit(context));
        return new StepResult(false, null, message, "", 0, true, false);
    }
}
