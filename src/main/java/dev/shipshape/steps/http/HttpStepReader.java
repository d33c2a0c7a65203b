package dev.shipshape.steps.http;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.Suggestions;
import dev.shipshape.runbook.HttpExpect;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads an {@code http:} step: request method, URL, headers, body and what the response must look like. */
public final class HttpStepReader implements KindReader {

    private static final List<String> KEYS = List.of("method", "headers", "body", "expect");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String CONTENT_TYPE = "Content-Type";

    private final Values values;
    private final ExpectReader expectReader;
    private final ObjectMapper json = new ObjectMapper();

    public HttpStepReader(Values values) {
        this.values = values;
        this.expectReader = new ExpectReader(values);
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Optional<Step> read(Fields f, StepOptions options) {
        Optional<String> url = Checks.url(f, values, "http");
        Optional<String> method = method(f);
        Map<String, String> headers = new LinkedHashMap<>(f.textMap("headers"));
        String body = f.optional("body").map(n -> body(n, f.path("body"), headers)).orElse(null);
        HttpExpect expect = f.optional("expect")
                .flatMap(n -> expectReader.expect(n, f.path("expect"))).orElse(HttpExpect.none());
        if (url.isEmpty() || method.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HttpStep(method.get(), url.get(), headers, body, expect, options));
    }

    private Optional<String> method(Fields f) {
        Optional<String> written = f.string("method");
        if (written.isEmpty()) {
            return f.optional("method").isPresent() ? Optional.empty() : Optional.of("GET");
        }
        String method = written.get().toUpperCase(Locale.ROOT);
        if (METHODS.contains(method)) {
            return Optional.of(method);
        }
        values.problems().add(f.node("method").orElseThrow(), f.path("method"),
                "'" + written.get() + "' is not an HTTP method; expected one of: " + String.join(", ", METHODS),
                Suggestions.closest(method, METHODS).map(m -> "did you mean '" + m + "'?").orElse(null));
        return Optional.empty();
    }

    /** Text as written; a map or list is sent as JSON, so it gets a JSON content type unless one is given. */
    private String body(Node node, String path, Map<String, String> headers) {
        if (node instanceof Node.Scalar s) {
            return s.text();
        }
        if (headers.keySet().stream().noneMatch(CONTENT_TYPE::equalsIgnoreCase)) {
            headers.put(CONTENT_TYPE, "application/json");
        }
        try {
            return json.writeValueAsString(toJson(node));
        } catch (JsonProcessingException e) {
            values.problems().add(node, path, "the body cannot be written as JSON");
            return null;
        }
    }

    /** The body as a JSON tree, keeping YAML's scalar types so that {@code 1} stays a number. */
    private JsonNode toJson(Node node) {
        return switch (node) {
            case Node.Mapping m -> {
                ObjectNode object = json.createObjectNode();
                m.entries().forEach(e -> object.set(e.key(), toJson(e.value())));
                yield object;
            }
            case Node.Sequence seq -> {
                ArrayNode array = json.createArrayNode();
                seq.items().forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case Node.Scalar s -> s.isNull() ? NullNode.getInstance() : json.valueToTree(s.value());
        };
    }
}
