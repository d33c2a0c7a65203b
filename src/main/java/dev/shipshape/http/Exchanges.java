package dev.shipshape.http;

import dev.shipshape.time.Ticks;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The one way Shipshape sends HTTP requests (steps, health checks, probes, Prometheus, checklist).
 * Every exchange has a deadline on the whole of it, body included: the JDK's request timeout only
 * covers the wait for the headers, so a server that sends headers and then one byte a second would
 * otherwise hold a run forever. Cancellation and interrupts stop an exchange within a tenth of a
 * second; a stopped exchange's connection is closed.
 */
public final class Exchanges {

    /** Cancellation is checked this often. */
    private static final long POLL_MILLIS = 50;

    private final HttpClient client;

    public Exchanges(HttpClient client) {
        this.client = client;
    }

    /** Sends the request and waits for the whole answer, at most until the deadline; never throws. */
    public Exchange send(HttpRequest request, Deadline deadline, BooleanSupplier cancelled) {
        if (deadline.passed()) {
            return Exchange.Failed.timedOut(deadline);
        }
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(deadline.left()).build();
        ReceivedBody.Collector body = new ReceivedBody.Collector();
        long start = Ticks.SYSTEM.nanos();
        CompletableFuture<HttpResponse<ReceivedBody>> sending;
        try {
            sending = client.sendAsync(bounded, info -> body);
        } catch (IllegalArgumentException e) {
            return new Exchange.Failed("cannot send to " + request.uri() + ": " + e.getMessage(), e.getMessage(), false);
        }
        Optional<Exchange> stopped = stopped(sending, deadline, cancelled, request);
        if (stopped.isPresent()) {
            body.abort();
            sending.cancel(true);
            return stopped.get();
        }
        HttpResponse<ReceivedBody> response = sending.join();
        return new Exchange.Answered(response.statusCode(), response.body().kept(), response.body().size(),
                Duration.ofNanos(Ticks.SYSTEM.nanos() - start));
    }

    /** Waits for the complete response; empty when it came, else why the exchange stopped. */
    private static Optional<Exchange> stopped(CompletableFuture<HttpResponse<ReceivedBody>> sending, Deadline deadline,
                                              BooleanSupplier cancelled, HttpRequest request) {
        try {
            while (true) {
                try {
                    sending.get(Math.max(1, Math.min(POLL_MILLIS, deadline.left().toMillis())), TimeUnit.MILLISECONDS);
                    return Optional.empty();
                } catch (TimeoutException stillWaiting) {
                    if (cancelled.getAsBoolean()) {
                        return Optional.of(new Exchange.Cancelled());
                    }
                    if (deadline.passed()) {
                        return Optional.of(Exchange.Failed.timedOut(deadline));
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            return Optional.of(SendFailure.isTimeout(failure) ? Exchange.Failed.timedOut(deadline)
                    : new Exchange.Failed(SendFailure.describe(failure, request.uri().toString()),
                    SendFailure.why(failure), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Exchange.Cancelled());
        }
    }
}
