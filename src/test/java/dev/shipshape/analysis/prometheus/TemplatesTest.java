package dev.shipshape.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.HttpMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private static final HttpMetrics MICROMETER = new HttpMetrics("http_server_requests_seconds_count",
            "http_server_requests_seconds", "code", "job=\"shop\"", Duration.ofSeconds(30));

    @Test
    void defaultNamesGiveTheConventionalQueries() {
        assertThat(Templates.query("error-rate", HttpMetrics.DEFAULT)).isEqualTo(
                "(sum(rate(http_requests_total{status=~\"5..\"}[1m])) or vector(0)) / sum(rate(http_requests_total[1m]))");
        assertThat(Templates.query("p95-latency", HttpMetrics.DEFAULT)).isEqualTo(
                "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))");
    }

    @Test
    void errorRateUsesTheRunbooksCounterStatusLabelFilterAndWindow() {
        assertThat(Templates.query("error-rate", MICROMETER)).isEqualTo(
                "(sum(rate(http_server_requests_seconds_count{job=\"shop\",code=~\"5..\"}[30s])) or vector(0))"
                        + " / sum(rate(http_server_requests_seconds_count{job=\"shop\"}[30s]))");
    }

    @Test
    void latencyPercentilesUseTheRunbooksHistogram() {
        assertThat(Templates.query("p99-latency", MICROMETER)).isEqualTo(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{job=\"shop\"}[30s])))");
        assertThat(Templates.query("p50-latency", MICROMETER)).startsWith("histogram_quantile(0.5, ");
    }
}
