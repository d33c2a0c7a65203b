package dev.shipshape.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipshape.analysis.Sample;
import dev.shipshape.runbook.HttpMetrics;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.runbook.Threshold;
import dev.shipshape.testing.PrometheusServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given a real Prometheus scraping a service that names its HTTP metrics the Micrometer way (status in
 * {@code code}), the built-in templates with those names configured compute the right figures.
 * Every scrape the service has served 10 more requests to {@code /} (1 of them a 500, 5 under 100 ms,
 * all under 500 ms) and 5 more failed ones to {@code /health}, which the filter leaves out.
 */
class RenamedMetricsTest {

    private static final HttpMetrics NAMES = new HttpMetrics("http_server_requests_seconds_count",
            "http_server_requests_seconds", "code", "uri=\"/\"", Duration.ofSeconds(5));
    static HttpServer service;
    static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        AtomicLong scrapes = new AtomicLong();
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/metrics", exchange -> {
            byte[] body = metrics(scrapes.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        prometheus = PrometheusServer.start(List.of("127.0.0.1:" + service.getAddress().getPort()), Duration.ofSeconds(1));
        prometheus.awaitScraped();
    }

    private static String metrics(long n) {
        return "# TYPE http_server_requests_seconds histogram\n"
                + "http_server_requests_seconds_count{code=\"200\",uri=\"/\"} " + 9 * n + "\n"
                + "http_server_requests_seconds_count{code=\"500\",uri=\"/\"} " + n + "\n"
                + "http_server_requests_seconds_count{code=\"500\",uri=\"/health\"} " + 5 * n + "\n"
                + "http_server_requests_seconds_bucket{uri=\"/\",le=\"0.1\"} " + 5 * n + "\n"
                + "http_server_requests_seconds_bucket{uri=\"/\",le=\"0.5\"} " + 10 * n + "\n"
                + "http_server_requests_seconds_bucket{uri=\"/\",le=\"+Inf\"} " + 10 * n + "\n";
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        service.stop(0);
    }

    @Test
    void errorRateAndP95ComeFromTheConfiguredNames() {
        PrometheusProvider provider = new PrometheusProvider(prometheus.address(), new dev.shipshape.http.Exchanges(HttpClient.newHttpClient()), NAMES, () -> false);
        Threshold any = Threshold.parse("> 1").orElseThrow();

        List<Sample> samples = provider.measure(List.of(new MetricCheck("error-rate", null, null, any),
                new MetricCheck("p95-latency", null, null, any)), Instant.now(), Duration.ofSeconds(10));

        assertThat(samples).extracting(Sample::error).containsOnlyNulls();
        assertThat(samples.get(0).value()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.001));
        assertThat(samples.get(1).value()).isCloseTo(0.46, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void theDefaultNamesFindNothingOnSuchAService() {
        PrometheusProvider provider = new PrometheusProvider(prometheus.address(),
                new dev.shipshape.http.Exchanges(HttpClient.newHttpClient()), HttpMetrics.DEFAULT, () -> false);

        List<Sample> samples = provider.measure(List.of(new MetricCheck("p95-latency", null, null,
                Threshold.parse("> 1").orElseThrow())), Instant.now(), Duration.ofSeconds(10));

        assertThat(samples.get(0).error()).startsWith("no series for histogram_quantile(0.95, sum by (le)"
                + " (rate(http_request_duration_seconds_bucket[1m])))");
    }
}
