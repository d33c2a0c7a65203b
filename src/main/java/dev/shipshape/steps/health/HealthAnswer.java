package dev.shipshape.steps.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.steps.http.Expectations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of a health endpoint, judged: a 2xx status and, in the seeds' JSON shapes, a healthy
 * {@code status} and every boolean-like {@code checks.*} and {@code services.*} passing (a timestamp
 * among the checks is no check); or, when the step says what healthy means, exactly its values.
 * Says which checks fail.
 */
record HealthAnswer(boolean healthy, String describe, boolean timedOut) {

    HealthAnswer(boolean healthy, String describe) {
        this(healthy, describe, false);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Expectations EXPECTATIONS = new Expectations(JSON);
    private static final List<String> GOOD = List.of("healthy", "ok", "up", "pass", "passing", "true", "connected");
    private static final List<String> BAD = List.of("unhealthy", "down", "error", "fail", "failed", "failing",
            "false", "disconnected");
    private static final List<String> GROUPS = List.of("checks", "services");

    static HealthAnswer unreachable(String why) {
        return new HealthAnswer(false, why);
    }

    /** No complete answer before the poll's limit. */
    static HealthAnswer noAnswerWithin(String why) {
        return new HealthAnswer(false, why, true);
    }

    /** Judged by the seeds' shapes. */
    static HealthAnswer of(int status, String body) {
        return of(status, body, Map.of());
    }

    /** @param expected what healthy means (JSON paths to values); empty for the seeds' shapes */
    static HealthAnswer of(int status, String body, Map<String, Object> expected) {
        List<String> problems = new ArrayList<>();
        if (status < 200 || status > 299) {
            problems.add("status " + status);
        }
        JsonNode json = parse(body);
        problems.addAll(expected.isEmpty() ? shapeProblems(json) : EXPECTATIONS.jsonProblems(expected, body));
        String version = json != null && json.has("version") ? ", version " + json.get("version").asText() : "";
        return problems.isEmpty() ? new HealthAnswer(true, "healthy (" + status + version + ")")
                : new HealthAnswer(false, "unhealthy: " + String.join(", ", problems) + version);
    }

    private static List<String> shapeProblems(JsonNode json) {
        List<String> problems = new ArrayList<>();
        if (json == null) {
            return problems;
        }
        if (json.has("status") && !passes(json.get("status")).orElse(false)) {
            problems.add("status " + json.get("status").asText());
        }
        for (String group : GROUPS) {
            if (json.path(group).isObject()) {
                for (Map.Entry<String, JsonNode> check : json.get(group).properties()) {
                    if (!passes(check.getValue()).orElse(true)) {
                        problems.add(group + "." + check.getKey() + " is " + check.getValue());
                    }
                }
            }
        }
        return problems;
    }

    /** Whether a boolean-like value passes; empty for a value that is no check (a timestamp, a count). */
    private static Optional<Boolean> passes(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.asBoolean());
        }
        if (value.isObject() && value.has("status")) {
            return passes(value.get("status"));
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().toLowerCase(Locale.ROOT);
        return GOOD.contains(text) ? Optional.of(true) : BAD.contains(text) ? Optional.of(false) : Optional.empty();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
