package dev.shipshape.sample;

import com.sun.net.httpserver.HttpExchange;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /admin/faults}: GET shows the switches, POST {@code ?error_rate=0.2&latency=300ms&unhealthy=true&release=v2}
 * changes them. Only answered from loopback, so nothing outside the machine can break the service.
 */
final class FaultSwitches {

    private FaultSwitches() {
    }

    static Reply handle(HttpExchange exchange, Faults faults) {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return Reply.json(403, "{\"error\":\"the admin endpoint answers only on loopback\"}");
        }
        if (exchange.getRequestMethod().equals("POST")) {
            String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            try {
                for (String pair : query.split("&")) {
                    apply(faults, pair);
                }
            } catch (IllegalArgumentException e) {
                return Reply.json(400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
            }
        }
        return Reply.json(200, faults.describe());
    }

    private static void apply(Faults faults, String pair) {
        if (pair.isBlank()) {
            return;
        }
        String[] kv = pair.split("=", 2);
        String value = kv.length > 1 ? kv[1] : "";
        switch (kv[0]) {
            case "error_rate" -> faults.errorRate(number(value));
            case "latency" -> faults.latency(duration(value));
            case "unhealthy" -> faults.unhealthy(Boolean.parseBoolean(value));
            case "release" -> faults.release(value);
            default -> throw new IllegalArgumentException("unknown switch '" + kv[0]
                    + "'; expected error_rate, latency, unhealthy or release");
        }
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    static Duration duration(String text) {
        return Durations.parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a duration; write e.g. 300ms or 2s"));
    }
}
