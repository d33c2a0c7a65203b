package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.HttpExpect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an HTTP step's {@code expect:}: status codes, JSON values, body texts and latency. */
public final class ExpectReader {

    private static final List<String> KEYS = List.of("status", "json", "body_contains", "max_latency");

    private final Values values;

    public ExpectReader(Values values) {
        this.values = values;
    }

    public Optional<HttpExpect> expect(Node node, String path) {
        return Fields.of(node, path, values, "a map of expectations").map(f -> {
            f.allowOnly(KEYS);
            List<Integer> status = f.optional("status").map(n -> status(n, f.path("status"))).orElse(List.of());
            Map<String, Object> json = new LinkedHashMap<>();
            f.optional("json").ifPresent(n -> json(n, f.path("json"), json));
            List<String> bodyContains = f.optional("body_contains")
                    .map(n -> values.strings(n, f.path("body_contains"))).orElse(List.of());
            Duration maxLatency = f.duration("max_latency").orElse(null);
            return new HttpExpect(status, json, bodyContains, maxLatency);
        });
    }

    private List<Integer> status(Node node, String path) {
        List<Integer> codes = new ArrayList<>();
        List<Node> items = values.oneOrMany(node);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = node instanceof Node.Sequence ? Problems.item(path, i) : path;
            values.integer(item, itemPath).ifPresent(code -> {
                if (code < 100 || code > 599) {
                    values.problems().add(item, itemPath, code + " is not an HTTP status code; expected 100 to 599");
                } else {
                    codes.add(code);
                }
            });
        }
        return codes;
    }

    /** A map of JSON paths to expected values ({@code json:}, a health step's {@code healthy:}), flattened into {@code out}. */
    public void json(Node node, String path, Map<String, Object> out) {
        if (!(node instanceof Node.Mapping mapping)) {
            values.wrongType(node, path, "a map of JSON paths to expected values");
            return;
        }
        mapping.entries().forEach(e -> flatten(e.key(), e.value(), Problems.child(path, e.key()), out));
    }

    /**
     * Nested maps and lists become dotted paths ({@code checks.database}, {@code items[0].id}), the
     * form the HTTP executor looks values up by; scalars keep their YAML type.
     */
    private void flatten(String jsonPath, Node node, String path, Map<String, Object> out) {
        switch (node) {
            case Node.Scalar s -> out.put(jsonPath, s.value());
            case Node.Mapping m when !m.entries().isEmpty() -> m.entries().forEach(
                    e -> flatten(jsonPath + "." + e.key(), e.value(), Problems.child(path, e.key()), out));
            case Node.Sequence seq when !seq.items().isEmpty() -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    flatten(Problems.item(jsonPath, i), seq.items().get(i), Problems.item(path, i), out);
                }
            }
            default -> values.problems().add(node, path, "expected a value to compare, got an empty "
                    + (node instanceof Node.Mapping ? "map" : "list"), "write the values the response must contain");
        }
    }
}
