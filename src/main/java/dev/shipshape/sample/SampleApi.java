package dev.shipshape.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample's business endpoints, enough for a smoke test that logs in, reads a page and writes
 * then reads back: {@code POST /api/login} gives a token, {@code GET /api/products} and
 * {@code POST /api/orders} / {@code GET /api/orders/{id}} need it.
 */
final class SampleApi {

    private static final Pattern ORDER = Pattern.compile("/api/orders/([A-Za-z0-9-]+)");
    private static final Pattern ITEM = Pattern.compile("\"item\"\\s*:\\s*\"([^\"]*)\"");

    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The path as a metric label: order ids folded into one route, so label values stay few. */
    static String route(String path) {
        return ORDER.matcher(path).matches() ? "/api/orders/{id}" : path;
    }

    Reply answer(String method, String path, String authorization, String body, String version) {
        if (path.equals("/")) {
            return Reply.json(200, "{\"service\":\"sample\",\"version\":\"" + version + "\"}");
        }
        if (path.equals("/api/login") && method.equals("POST")) {
            String token = "tok-" + ids.incrementAndGet();
            tokens.put(token, true);
            return Reply.json(200, "{\"token\":\"" + token + "\"}");
        }
        if (!path.startsWith("/api/")) {
            return Reply.json(404, "{\"error\":\"no such page: " + path + "\"}");
        }
        if (authorization == null || !tokens.containsKey(authorization.replaceFirst("^Bearer ", ""))) {
            return Reply.json(401, "{\"error\":\"log in first: POST /api/login\"}");
        }
        return authorized(method, path, body);
    }

    private Reply authorized(String method, String path, String body) {
        if (path.equals("/api/products") && method.equals("GET")) {
            return Reply.json(200, "{\"products\":[{\"id\":\"p1\",\"name\":\"Teapot\",\"price\":20},"
                    + "{\"id\":\"p2\",\"name\":\"Kettle\",\"price\":35}]}");
        }
        if (path.equals("/api/orders") && method.equals("POST")) {
            Matcher item = ITEM.matcher(body);
            if (!item.find()) {
                return Reply.json(400, "{\"error\":\"an order needs an item\"}");
            }
            String id = "ord-" + ids.incrementAndGet();
            orders.put(id, item.group(1));
            return Reply.json(201, order(id));
        }
        Matcher order = ORDER.matcher(path);
        if (order.matches() && method.equals("GET")) {
            String id = order.group(1);
            return orders.containsKey(id) ? Reply.json(200, order(id))
                    : Reply.json(404, "{\"error\":\"no order " + id + "\"}");
        }
        return Reply.json(404, "{\"error\":\"no such page: " + method + " " + path + "\"}");
    }

    private String order(String id) {
        return "{\"id\":\"" + id + "\",\"item\":\"" + orders.get(id) + "\",\"status\":\"placed\"}";
    }
}
