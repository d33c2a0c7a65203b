package dev.shipshape.steps.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.steps.FakeRun;
import dev.shipshape.steps.StepExecutors;
import dev.shipshape.steps.TestSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No response, slow responses, and secrets that must not leak whatever happens. Where a test bounds
 * the time taken, the bound is loose (a loaded machine is slow) and only tells "stopped by the
 * timeout or the cancellation" from "waited for the server's 30 s answer".
 */
class HttpStepFailuresTest {

    private static final String TOKEN = TestSecrets.REFERENCE;
    /** A step timeout no failing request here comes near: the outcome, not the timeout, is what these tests see. */
    private static final Duration PATIENT = Duration.ofSeconds(30);
    /** How long the slow server takes to answer. */
    private static final long SLOW_MILLIS = 30_000;
    /** Far below the slow server's answer, far above a slow machine's delays. */
    private static final Duration SOON = Duration.ofSeconds(15);

    private final TestServer server = new TestServer();
    private final FakeRun run = new FakeRun();
    private final HttpStepExecutor executor = new HttpStepExecutor(new dev.shipshape.http.Exchanges(StepExecutors.defaultHttpClient()), 64 * 1024);

    HttpStepFailuresTest() throws Exception {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private StepResult send(HttpStep step, Duration timeout) {
        return executor.execute(step, run.context(Path.of("."), timeout));
    }

    private static HttpStep get(String url) {
        return new HttpStep("GET", url, Map.of(), null, HttpExpect.none(), StepOptions.defaults());
    }

    @Test
    void failsReadablyWhenTheConnectionIsRefused() {
        StepResult result = send(get("http://127.0.0.1:1/health"), PATIENT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.message()).isEqualTo("cannot connect to http://127.0.0.1:1/health: connection refused");
    }

    @Test
    void failsReadablyForAnUnknownHost() {
        StepResult result = send(get("http://no-such-host.invalid/health"), PATIENT);

        assertThat(result.message()).isEqualTo("cannot connect to http://no-such-host.invalid/health: unknown host");
    }

    @Test
    void redactsSecretsInTheUrlOfFailureMessages() {
        StepResult result = send(get("http://127.0.0.1:1/health?token=" + TOKEN), PATIENT);

        assertThat(result.message())
                .isEqualTo("cannot connect to http://127.0.0.1:1/health?token=***: connection refused");
    }

    @Test
    void failsReadablyForAMalformedUrl() {
        StepResult result = send(get("http://127.0.0.1:1/a b?token=" + TOKEN), PATIENT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).startsWith("invalid request: ").doesNotContain(TestSecrets.VALUE);
    }

    @Test
    void timesOutWhenTheServerDoesNotAnswerInTime() {
        server.answer(200, "late").delay(SLOW_MILLIS);
        long start = System.nanoTime();

        StepResult result = send(get(server.url("/slow")), Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped by the 1s timeout").isLessThan(SOON);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.timedOut()).isTrue();
        assertThat(result.message()).isEqualTo("timed out after 1s");
    }

    @Test
    void stopsSoonWhenTheRunIsCancelled() throws Exception {
        server.answer(200, "late").delay(SLOW_MILLIS);
        StepContext context = run.context(Path.of("."), Duration.ofMinutes(1));
        CompletableFuture<StepResult> attempt =
                CompletableFuture.supplyAsync(() -> executor.execute(get(server.url("/slow")), context));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.lastMethod != null);

        long start = System.nanoTime();
        run.cancel();
        StepResult result = attempt.get();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped by the cancellation").isLessThan(SOON);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.message()).isEqualTo("cancelled");
    }

    @Test
    void revealsSecretsInUrlHeadersAndBodyButNeverReportsThem() {
        server.answer(500, "{\"echo\":\"token " + TestSecrets.VALUE + "\"}");
        HttpStep step = new HttpStep("POST", server.url("/deploy?token=" + TOKEN),
                Map.of("Authorization", "Bearer " + TOKEN), "key=" + TOKEN,
                new HttpExpect(List.of(200), Map.of("echo", "token " + TOKEN), List.of(TOKEN + "!"), null),
                StepOptions.defaults());

        StepResult result = send(step, PATIENT);

        assertThat(server.lastQuery).isEqualTo("token=" + TestSecrets.VALUE);
        assertThat(server.lastHeaders.getFirst("Authorization")).isEqualTo("Bearer " + TestSecrets.VALUE);
        assertThat(server.lastBody).isEqualTo("key=" + TestSecrets.VALUE);
        assertThat(result.message()).isEqualTo("status 500 (expected 200); body does not contain \"***!\"");
        assertThat(result.outputTail()).isEqualTo("HTTP 500 Internal Server Error\n{\"echo\":\"token ***\"}\n");
        assertThat(run.output()).containsExactly("HTTP 500 Internal Server Error", "{\"echo\":\"token ***\"}");
    }

    @Test
    void keepsOnlyTheEndOfALargeBodyButCountsAllOfIt() {
        String body = "line\n".repeat(10_000);
        server.answer(200, body);
        HttpStepExecutor small = new HttpStepExecutor(new dev.shipshape.http.Exchanges(StepExecutors.defaultHttpClient()), 20);

        StepResult result = small.execute(get(server.url("/big")), run.context(Path.of("."), PATIENT));

        assertThat(result.outputSize()).isEqualTo(50_000);
        // The tail holds "HTTP 200 OK" (12 bytes) and the body: 50,012 bytes, of which 15 are kept.
        assertThat(result.outputTail()).isEqualTo("… (49997 bytes before this were dropped)\nline\nline\nline\n");
    }
}
