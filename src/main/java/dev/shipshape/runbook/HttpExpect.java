package dev.shipshape.runbook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What an HTTP response must look like.
 *
 * @param status       accepted status codes; empty = any 2xx
 * @param json         expected values by path into the JSON body ({@code checks.database},
 *                     {@code items[0].id}); values are String, Number, Boolean or null
 * @param bodyContains texts the body must contain
 * @param maxLatency   the longest the response may take, or null
 */
public record HttpExpect(List<Integer> status, Map<String, Object> json, List<String> bodyContains,
                         Duration maxLatency) {

    public HttpExpect {
        status = List.copyOf(status);
        json = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(json));
        bodyContains = List.copyOf(bodyContains);
    }

    public static HttpExpect none() {
        return new HttpExpect(List.of(), Map.of(), List.of(), null);
    }

    HttpExpect mapStrings(UnaryOperator<String> f) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        json.forEach((k, v) -> mapped.put(k, v instanceof String s ? f.apply(s) : v));
        return new HttpExpect(status, mapped, bodyContains.stream().map(f).toList(), maxLatency);
    }
}
