package dev.shipshape.sample;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and a latency histogram, written in the Prometheus text format. Written by hand
 * rather than with Micrometer: two metric families need about forty lines, and the names and labels
 * stay exactly the conventional ones ({@code http_requests_total{method,path,status}}) that
 * runbooks query.
 */
final class RequestMetrics {

    /** Bucket bounds in seconds, the Prometheus client defaults. */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Key(String method, String path, String status) {
        String labels() {
            return "method=\"" + method + "\",path=\"" + path + "\",status=\"" + status + "\"";
        }
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BOUNDS.length];
        final LongAdder count = new LongAdder();
        final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> durations = new ConcurrentHashMap<>();

    /** Makes a counter exist at zero, as Prometheus client libraries advise for known label values. */
    void declare(String method, String path, int status) {
        requests.computeIfAbsent(new Key(method, path, String.valueOf(status)), k -> new LongAdder());
    }

    void record(String method, String path, int status, double seconds) {
        requests.computeIfAbsent(new Key(method, path, String.valueOf(status)), k -> new LongAdder()).increment();
        Histogram h = durations.computeIfAbsent(method + " " + path, k -> new Histogram());
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                h.buckets[i].increment();
            }
        }
        h.count.increment();
        h.sum.add(seconds);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP http_requests_total Requests served, by method, path and status.\n");
        out.append("# TYPE http_requests_total counter\n");
        new TreeMap<String, Long>(requests.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> e.getKey().labels(), e -> e.getValue().sum()))).forEach((labels, n) ->
                out.append("http_requests_total{").append(labels).append("} ").append(n).append('\n'));
        out.append("# HELP http_request_duration_seconds Time to serve a request.\n");
        out.append("# TYPE http_request_duration_seconds histogram\n");
        new TreeMap<>(durations).forEach((route, h) -> histogram(out, route, h));
        return out.toString();
    }

    private static void histogram(StringBuilder out, String route, Histogram h) {
        String[] parts = route.split(" ", 2);
        String labels = "method=\"" + parts[0] + "\",path=\"" + parts[1] + "\"";
        for (int i = 0; i < BOUNDS.length; i++) {
            out.append("http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                    .append(format(BOUNDS[i])).append("\"} ").append(h.buckets[i].sum()).append('\n');
        }
        out.append("http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                .append(h.count.sum()).append('\n');
        out.append("http_request_duration_seconds_sum{").append(labels).append("} ")
                .append(String.format(Locale.ROOT, "%.6f", h.sum.sum())).append('\n');
        out.append("http_request_duration_seconds_count{").append(labels).append("} ").append(h.count.sum())
                .append('\n');
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) + ".0" : String.valueOf(bound);
    }
}
