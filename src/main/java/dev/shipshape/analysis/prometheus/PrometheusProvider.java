package dev.shipshape.analysis.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.analysis.MetricProvider;
import dev.shipshape.analysis.Sample;
import dev.shipshape.runbook.HttpMetrics;
import dev.shipshape.runbook.HttpUrl;
import dev.shipshape.runbook.MetricCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import dev.shipshape.http.Deadline;
import dev.shipshape.http.Exchange;
import dev.shipshape.http.Exchanges;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Evaluates PromQL instant queries through Prometheus's HTTP API ({@code /api/v1/query}). Each query
 * must return one series; anything else (an error from Prometheus, no series, several, NaN, a
 * response that is not Prometheus JSON, no answer) is an error sample naming the query and why.
 */
public final class PrometheusProvider implements MetricProvider {

    private final String address;
    private final Exchanges exchanges;
    private final HttpMetrics names;
    private final BooleanSupplier cancelled;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param address the server's base URL, e.g. {@code http://127.0.0.1:9090}
     * @param names     the metric and label names the built-in templates query
     * @param cancelled true when the run is being cancelled: a query in flight stops at once
     */
    public PrometheusProvider(String address, Exchanges exchanges, HttpMetrics names, BooleanSupplier cancelled) {
        this.address = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        this.exchanges = exchanges;
        this.names = names;
        this.cancelled = cancelled;
    }

    @Override
    public List<Sample> measure(List<MetricCheck> metrics, Instant at, Duration limit) {
        List<Sample> samples = new ArrayList<>();
        Deadline deadline = Deadline.in(limit);
        for (MetricCheck m : metrics) {
            String query = m.query() != null ? m.query() : Templates.query(m.name(), names);
            samples.add(deadline.passed()
                    ? Sample.failed(m.name(), at, "not evaluated: the measurement ran out of time")
                    : evaluate(m.name(), query, at, deadline));
        }
        return samples;
    }

    private Sample evaluate(String name, String query, Instant at, Deadline deadline) {
        HttpRequest request;
        try {
            URI uri = HttpUrl.of(address + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            request = HttpRequest.newBuilder(uri).GET().build();
        } catch (IllegalArgumentException e) {
            return Sample.failed(name, at, "the Prometheus address is not usable: " + e.getMessage());
        }
        return switch (exchanges.send(request, deadline, cancelled)) {
            case Exchange.Answered answer -> read(name, query, at, answer);
            case Exchange.Failed failed -> Sample.failed(name, at, "Prometheus at " + address + " did not answer: "
                    + failed.why());
            case Exchange.Cancelled cancelled -> Sample.failed(name, at, "cancelled");
        };
    }

    private Sample read(String name, String query, Instant at, Exchange.Answered answer) {
        JsonNode body;
        try {
            body = json.readTree(answer.text());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.has("status")) {
            return Sample.failed(name, at, address + " answered HTTP " + answer.status()
                    + " with something that is not Prometheus JSON: " + shorten(answer.text()));
        }
        if (!"success".equals(body.path("status").asText())) {
            return Sample.failed(name, at, "Prometheus rejected the query " + query + ": "
                    + body.path("errorType").asText() + ": " + body.path("error").asText());
        }
        return Results.value(name, query, at, body.path("data"));
    }

    static String shorten(String text) {
        String one = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return one.isEmpty() ? "(empty)" : one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
