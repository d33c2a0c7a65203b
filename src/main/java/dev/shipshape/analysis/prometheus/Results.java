package dev.shipshape.analysis.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.analysis.Sample;
import java.time.Instant;

/** The one number of an instant query's result, or why there is none. */
final class Results {

    private Results() {
    }

    static Sample value(String name, String query, Instant at, JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode value;
        if (type.equals("scalar")) {
            value = data.path("result");
        } else if (type.equals("vector")) {
            JsonNode result = data.path("result");
            if (result.isEmpty()) {
                return Sample.failed(name, at, "no series for " + query
                        + " (no data yet, or a selector matches nothing; '... or vector(0)' turns absence into 0)");
            }
            if (result.size() > 1) {
                return Sample.failed(name, at, result.size() + " series for " + query
                        + "; the query must return one (aggregate it, e.g. sum(...))");
            }
            value = result.get(0).path("value");
        } else {
            return Sample.failed(name, at, "the query " + query + " returns a " + type + "; expected one number");
        }
        String text = value.path(1).asText();
        try {
            double number = Double.parseDouble(text);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return Sample.failed(name, at, query + " is " + text + " (no traffic in the window?)");
            }
            return Sample.of(name, at, number);
        } catch (NumberFormatException e) {
            return Sample.failed(name, at, "the query " + query + " gave '" + text + "', not a number");
        }
    }
}
