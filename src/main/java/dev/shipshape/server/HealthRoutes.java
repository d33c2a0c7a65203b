package dev.shipshape.server;

import dev.shipshape.store.Store;
import dev.shipshape.time.Ticks;
import dev.shipshape.users.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health} in the seeds' shape, and {@code /metrics} in Prometheus' text format. */
final class HealthRoutes {

    private HealthRoutes() {
    }

    static List<Route> routes(Store store, ServerMetrics metrics, boolean publicMetrics, String version) {
        long started = Ticks.SYSTEM.nanos();
        Route health = Route.get("/health", Route.Access.anyone(), "Whether the server and its store answer", ctx -> {
            String storeCheck = storeAnswers(store) ? "ok" : "failing";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", storeCheck.equals("ok") ? "healthy" : "unhealthy");
            body.put("checks", Map.of("store", storeCheck));
            body.put("uptime", Duration.ofNanos(Ticks.SYSTEM.nanos() - started).toSeconds());
            body.put("version", version);
            ApiJson.answer(ctx, storeCheck.equals("ok") ? 200 : 503, body);
        });
        Route.Access metricsAccess = publicMetrics ? Route.Access.anyone() : Route.Access.role(Role.VIEWER);
        Route scrape = Route.get("/metrics", metricsAccess, "Prometheus metrics", ctx -> ctx
                .contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        return List.of(health, scrape);
    }

    private static boolean storeAnswers(Store store) {
        try {
            store.runs().lock("-", "-");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
