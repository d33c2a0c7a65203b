package dev.shipshape.analysis.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.analysis.MetricProvider;
import dev.shipshape.analysis.Sample;
import dev.shipshape.runbook.HttpMetrics;
import dev.shipshape.runbook.MetricCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates PromQL instant queries through Prometheus's HTTP API ({@code /api/v1/query}). Each query
 * must return one series; anything else (an error from Prometheus, no series, several, NaN, a
 * response that is not Prometheus JSON, no answer) is an error sample naming the query and why.
 */
public final class PrometheusProvider implements MetricProvider {

    private final String address;
    private final HttpClient client;
    private final HttpMetrics names;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param address the server's base URL, e.g. {@code http://127.0.0.1:9090}
     * @param names   the metric and label names the built-in templates query
     */
    public PrometheusProvider(String address, HttpClient client, HttpMetrics names) {
        this.address = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        this.client = client;
        this.names = names;
    }

    @Override
    public List<Sample> measure(List<MetricCheck> metrics, Instant at, Duration limit) {
        List<Sample> samples = new ArrayList<>();
        Instant deadline = Instant.now().plus(limit);
        for (MetricCheck m : metrics) {
            String query = m.query() != null ? m.query() : Templates.query(m.name(), names);
            Duration left = Duration.between(Instant.now(), deadline);
            samples.add(left.isNegative() || left.isZero()
                    ? Sample.failed(m.name(), at, "not evaluated: the measurement ran out of time")
                    : evaluate(m.name(), query, at, left));
        }
        return samples;
    }

    private Sample evaluate(String name, String query, Instant at, Duration limit) {
        URI uri = URI.create(address + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limit).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return read(name, query, at, response);
        } catch (IOException e) {
            return Sample.failed(name, at, "Prometheus at " + address + " did not answer: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed(name, at, "interrupted");
        }
    }

    private Sample read(String name, String query, Instant at, HttpResponse<String> response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.has("status")) {
            return Sample.failed(name, at, address + " answered HTTP " + response.statusCode()
                    + " with something that is not Prometheus JSON: " + shorten(response.body()));
        }
        if (!"success".equals(body.path("status").asText())) {
            return Sample.failed(name, at, "Prometheus rejected the query " + query + ": "
                    + body.path("errorType").asText() + ": " + body.path("error").asText());
        }
        return Results.value(name, query, at, body.path("data"));
    }

    private static String describe(IOException e) {
        java.util.Optional<String> tls = dev.shipshape.tls.TlsFailure.describe(e);
        if (tls.isPresent()) {
            return "TLS failed: " + tls.get();
        }
        String kind = e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.http.HttpTimeoutException ? "timed out" : e.getClass().getSimpleName();
        return e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + " (" + e.getMessage() + ")";
    }

    static String shorten(String text) {
        String one = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return one.isEmpty() ? "(empty)" : one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
