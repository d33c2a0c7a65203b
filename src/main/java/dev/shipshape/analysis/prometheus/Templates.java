package dev.shipshape.analysis.prometheus;

import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.HttpMetrics;

/**
 * Built-in queries for the common metrics, over the runbook's HTTP metric names ({@link HttpMetrics}; by
 * default {@code http_requests_total} with a {@code status} label and {@code http_request_duration_seconds}).
 * The default 1-minute window keeps the figures steady with the usual 15 s scrape interval.
 */
final class Templates {

    private Templates() {
    }

    static String query(String metric, HttpMetrics names) {
        return switch (metric) {
            case "error-rate" -> errorRate(names);
            case "p50-latency" -> quantile("0.5", names);
            case "p95-latency" -> quantile("0.95", names);
            case "p99-latency" -> quantile("0.99", names);
            default -> throw new IllegalArgumentException("no built-in query for " + metric);
        };
    }

    private static String errorRate(HttpMetrics names) {
        String failed = selector(names, names.statusLabel() + "=~\"5..\"");
        return "(sum(rate(" + names.requests() + failed + "[" + window(names) + "])) or vector(0))"
                + " / sum(rate(" + names.requests() + selector(names, "") + "[" + window(names) + "]))";
    }

    private static String quantile(String q, HttpMetrics names) {
        return "histogram_quantile(" + q + ", sum by (le) (rate(" + names.latency() + "_bucket"
                + selector(names, "") + "[" + window(names) + "])))";
    }

    /** {@code {filter,extra}}, or nothing when both are empty, so the default queries stay the familiar ones. */
    private static String selector(HttpMetrics names, String extra) {
        String inside = String.join(",", java.util.stream.Stream.of(names.filter().strip(), extra)
                .filter(s -> !s.isEmpty()).toList());
        return inside.isEmpty() ? "" : "{" + inside + "}";
    }

    private static String window(HttpMetrics names) {
        return Durations.format(names.window());
    }
}
