package dev.shipshape.steps.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.HttpExpect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a response against a step's {@code expect:}. Every expectation is checked and every
 * failure reported, so one attempt tells the whole story: {@code status 503 (expected 200); json
 * status = "down" (expected "up")}. Expected values must already have their secrets revealed.
 */
public final class Expectations {

    private final ObjectMapper mapper;
    private final JsonMatch match;

    public Expectations(ObjectMapper mapper) {
        this.mapper = mapper;
        this.match = new JsonMatch(mapper);
    }

    /** What did not hold; empty when the response is as expected. */
    List<String> problems(HttpExpect expect, int status, String body, Duration latency) {
        List<String> problems = new ArrayList<>();
        statusProblem(expect.status(), status).ifPresent(problems::add);
        problems.addAll(jsonProblems(expect.json(), body));
        for (String text : expect.bodyContains()) {
            if (!body.contains(text)) {
                problems.add("body does not contain \"" + text + "\"");
            }
        }
        if (expect.maxLatency() != null && latency.compareTo(expect.maxLatency()) > 0) {
            problems.add("took " + latency.toMillis() + "ms (expected at most "
                    + Durations.format(expect.maxLatency()) + ")");
        }
        return problems;
    }

    /** Whether the status is acceptable: one of those listed, or any 2xx when none are. */
    static boolean statusAccepted(List<Integer> accepted, int status) {
        return accepted.isEmpty() ? status / 100 == 2 : accepted.contains(status);
    }

    private static Optional<String> statusProblem(List<Integer> accepted, int status) {
        if (statusAccepted(accepted, status)) {
            return Optional.empty();
        }
        String expected = accepted.isEmpty() ? "2xx"
                : accepted.size() == 1 ? String.valueOf(accepted.getFirst())
                : "one of " + String.join(", ", accepted.stream().map(String::valueOf).toList());
        return Optional.of("status " + status + " (expected " + expected + ")");
    }

    /** What differs from the expected values by JSON path ({@code json:}, a health step's {@code healthy:}). */
    public List<String> jsonProblems(Map<String, Object> expected, String body) {
        if (expected.isEmpty()) {
            return List.of();
        }
        Optional<JsonNode> document = parse(body);
        if (document.isEmpty()) {
            return List.of("body is not JSON (expected json fields " + String.join(", ", expected.keySet()) + ")");
        }
        List<String> problems = new ArrayList<>();
        expected.forEach((path, value) -> fieldProblem(document.get(), path, value).ifPresent(problems::add));
        return problems;
    }

    private Optional<String> fieldProblem(JsonNode document, String path, Object expected) {
        Optional<JsonNode> actual = JsonPath.find(document, path);
        if (actual.isEmpty()) {
            return Optional.of("json " + path + " is missing");
        }
        if (match.matches(expected, actual.get())) {
            return Optional.empty();
        }
        return Optional.of("json " + path + " = " + match.showActual(actual.get())
                + " (expected " + match.showExpected(expected) + ")");
    }

    private Optional<JsonNode> parse(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
