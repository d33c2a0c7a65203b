package dev.shipshape.steps.analysis;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.runbook.HttpMetrics;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code http_metrics:}, the names behind the built-in Prometheus templates. Names are checked
 * against Prometheus's grammar here, so a typo is a load problem with its line rather than a PromQL
 * parse error in the middle of a deployment.
 */
final class HttpMetricsReader {

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Values values;

    HttpMetricsReader(Values values) {
        this.values = values;
    }

    /** The names under {@code http_metrics} of {@code f}, defaults for what is not given. */
    HttpMetrics read(Fields analysis, String provider) {
        if (analysis.optional("http_metrics").isEmpty()) {
            return HttpMetrics.DEFAULT;
        }
        if (!provider.equals("prometheus")) {
            values.problems().add(analysis.node("http_metrics").orElseThrow(), analysis.path("http_metrics"),
                    "http_metrics names Prometheus series; it applies to provider prometheus only");
        }
        return Fields.of(analysis.node("http_metrics").orElseThrow(), analysis.path("http_metrics"), values,
                "a map with requests, latency, status_label, filter and window").map(this::names)
                .orElse(HttpMetrics.DEFAULT);
    }

    private HttpMetrics names(Fields f) {
        f.allowOnly(List.of("requests", "latency", "status_label", "filter", "window"));
        HttpMetrics d = HttpMetrics.DEFAULT;
        String requests = name(f, "requests", METRIC, d.requests(), "http_server_requests_seconds_count");
        String latency = name(f, "latency", METRIC, d.latency(), "http_server_requests_seconds");
        String status = name(f, "status_label", LABEL, d.statusLabel(), "code");
        String filter = f.string("filter").orElse(d.filter());
        Duration window = Checks.positive(f, values, "window").orElse(d.window());
        return new HttpMetrics(requests, latency, status, filter, window);
    }

    private String name(Fields f, String key, Pattern grammar, String fallback, String example) {
        return f.string(key).filter(text -> {
            if (text.contains("${") || grammar.matcher(text).matches()) {
                return true;
            }
            values.problems().add(f.node(key).orElseThrow(), f.path(key), "'" + text + "' is not a Prometheus "
                    + (grammar == LABEL ? "label" : "metric") + " name", "e.g. " + key + ": " + example);
            return false;
        }).orElse(fallback);
    }
}
