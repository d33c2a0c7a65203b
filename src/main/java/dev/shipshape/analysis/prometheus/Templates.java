package dev.shipshape.analysis.prometheus;

/**
 * Built-in queries for the common metrics, over the conventional HTTP metric names
 * ({@code http_requests_total} with a {@code status} label, {@code http_request_duration_seconds}).
 * A 1-minute window keeps the figures steady with the usual 15 s scrape interval.
 */
final class Templates {

    private Templates() {
    }

    static String query(String metric) {
        return switch (metric) {
            case "error-rate" -> "(sum(rate(http_requests_total{status=~\"5..\"}[1m])) or vector(0))"
                    + " / sum(rate(http_requests_total[1m]))";
            case "p50-latency" -> quantile("0.5");
            case "p95-latency" -> quantile("0.95");
            case "p99-latency" -> quantile("0.99");
            default -> throw new IllegalArgumentException("no built-in query for " + metric);
        };
    }

    private static String quantile(String q) {
        return "histogram_quantile(" + q + ", sum by (le) (rate(http_request_duration_seconds_bucket[1m])))";
    }
}
