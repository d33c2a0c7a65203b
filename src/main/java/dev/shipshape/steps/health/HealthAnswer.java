package dev.shipshape.steps.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One answer of a health endpoint, judged: a 2xx status, and in the seeds' JSON shape a healthy
 * {@code status} and every {@code checks.*} passing. Says which checks fail.
 */
record HealthAnswer(boolean healthy, String describe) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GOOD = List.of("healthy", "ok", "up", "pass", "true");

    static HealthAnswer unreachable(String why) {
        return new HealthAnswer(false, why);
    }

    static HealthAnswer of(int status, String body) {
        List<String> problems = new ArrayList<>();
        if (status < 200 || status > 299) {
            problems.add("status " + status);
        }
        JsonNode json = parse(body);
        if (json != null && json.has("status") && !good(json.get("status"))) {
            problems.add("status " + json.get("status").asText());
        }
        if (json != null && json.path("checks").isObject()) {
            for (Map.Entry<String, JsonNode> check : json.get("checks").properties()) {
                if (!good(check.getValue())) {
                    problems.add("checks." + check.getKey() + " is " + check.getValue());
                }
            }
        }
        String version = json != null && json.has("version") ? ", version " + json.get("version").asText() : "";
        return problems.isEmpty() ? new HealthAnswer(true, "healthy (" + status + version + ")")
                : new HealthAnswer(false, "unhealthy: " + String.join(", ", problems) + version);
    }

    private static boolean good(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isObject() && value.has("status")) {
            return good(value.get("status"));
        }
        return GOOD.contains(value.asText().toLowerCase(Locale.ROOT));
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
