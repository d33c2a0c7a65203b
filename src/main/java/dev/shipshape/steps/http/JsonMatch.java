package dev.shipshape.steps.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/**
 * Compares a value from the runbook (String, Number, Boolean or null, as YAML gave it) with a node
 * of the response. Types matter: {@code "true"} is not {@code true}; numbers compare by value,
 * so {@code 200} equals {@code 200.0}.
 */
final class JsonMatch {

    /** Longer actual values are shortened in messages; a whole document helps nobody in one line. */
    private static final int MAX_SHOWN = 80;

    private final ObjectMapper mapper;

    JsonMatch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    boolean matches(Object expected, JsonNode actual) {
        return switch (expected) {
            case null -> actual.isNull();
            case Boolean b -> actual.isBoolean() && actual.booleanValue() == b;
            case Number n -> actual.isNumber() && sameNumber(n, actual);
            case String s -> actual.isTextual() && actual.textValue().equals(s);
            default -> mapper.valueToTree(expected).equals(actual);
        };
    }

    /** The expected value as JSON: {@code "up"}, {@code true}, {@code 200}. */
    String showExpected(Object expected) {
        return mapper.valueToTree(expected).toString();
    }

    /** The actual value as JSON, shortened when long. */
    String showActual(JsonNode actual) {
        String shown = actual.toString();
        return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "…";
    }

    private static boolean sameNumber(Number expected, JsonNode actual) {
        try {
            return new BigDecimal(expected.toString()).compareTo(actual.decimalValue()) == 0;
        } catch (NumberFormatException e) {
            // NaN or infinity from YAML: no JSON number equals them.
            return false;
        }
    }
}
