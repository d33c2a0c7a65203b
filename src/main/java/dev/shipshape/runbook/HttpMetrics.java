package dev.shipshape.runbook;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The metric and label names the built-in Prometheus templates ({@code error-rate}, {@code p50/p95/p99-latency})
 * query ({@code http_metrics:} on an analysis or monitor). Services name their HTTP metrics differently
 * (Prometheus clients, Micrometer, OpenTelemetry), so the names are the runbook's, with the conventional defaults.
 *
 * @param requests    request counter, e.g. {@code http_requests_total} or {@code http_server_requests_seconds_count}
 * @param latency     latency histogram without the {@code _bucket} suffix, e.g. {@code http_request_duration_seconds}
 * @param statusLabel the label holding the HTTP status code, e.g. {@code status} or {@code code}
 * @param filter      extra label matchers for every series, e.g. {@code job="shop"}, or empty
 * @param window      the range of each {@code rate()}
 */
public record HttpMetrics(String requests, String latency, String statusLabel, String filter, Duration window) {

    /** The conventional names of the Prometheus client libraries, over a 1-minute window. */
    public static final HttpMetrics DEFAULT = new HttpMetrics("http_requests_total", "http_request_duration_seconds",
            "status", "", Duration.ofMinutes(1));

    HttpMetrics mapStrings(UnaryOperator<String> f) {
        return new HttpMetrics(f.apply(requests), f.apply(latency), f.apply(statusLabel), f.apply(filter), window);
    }
}
