package dev.shipshape.server;

import dev.shipshape.users.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the server, made from its route table: every route with its method, path (and path
 * parameters), summary, who may call it, and the one error shape. Served at {@code /api/v1/openapi.json}.
 */
final class OpenApiDocument {

    static final String PATH = Api.PREFIX + "/openapi.json";

    /** Javalin's path parameters: {@code {id}}, or {@code <path>} for one that may hold slashes. */
    private static final Pattern PARAMETER = Pattern.compile("[{<]([^}>]+)[}>]");

    private OpenApiDocument() {
    }

    /**
     * The route serving the document of {@code routes}; it is made on first request, so it lists the routes
     * added to the table after this one too.
     */
    static Route route(List<Route> routes, String version) {
        String[] rendered = new String[1];
        return Route.get(PATH, Route.Access.role(Role.VIEWER), "This document: every route of the server", ctx -> {
            if (rendered[0] == null) {
                rendered[0] = ApiJson.write(of(List.copyOf(routes), version));
            }
            ctx.attribute(ApiJson.ANSWERED, Boolean.TRUE);
            ctx.status(200).contentType("application/json").result(rendered[0]);
        });
    }

    static Map<String, Object> of(List<Route> routes, String version) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "Shipshape server", "version", version,
                "description", "Deployments, runs, approvals and audit of a Shipshape team server. Send an API token"
                        + " as 'Authorization: Bearer TOKEN', or sign in at /login (browsers: every"
                        + " state-changing request also needs the header X-CSRF-Token)."));
        document.put("paths", paths(routes));
        document.put("components", components());
        return document;
    }

    /** A route's path in OpenAPI's syntax. */
    static String pathOf(Route route) {
        return PARAMETER.matcher(route.path()).replaceAll("{$1}");
    }

    private static Map<String, Object> paths(List<Route> routes) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Route route : routes) {
            paths.computeIfAbsent(pathOf(route), p -> new TreeMap<>())
                    .put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        return new LinkedHashMap<>(paths);
    }

    private static Map<String, Object> operation(Route route) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + pathOf(route)
                .replaceAll("[^A-Za-z0-9]+", "_"));
        operation.put("summary", route.summary());
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher names = PARAMETER.matcher(route.path());
        while (names.find()) {
            parameters.add(Map.of("name", names.group(1), "in", "path", "required", true,
                    "schema", Map.of("type", "string", "maxLength", 200)));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("2XX", Map.of("description", "Done"));
        switch (route.access()) {
            case Route.Access.Public open -> operation.put("security", List.of());
            case Route.Access.Signed signed -> {
                operation.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
                operation.put("x-shipshape-least-role", signed.least().label());
                responses.put("401", error("No valid token or session"));
                responses.put("403", error("The caller's role is below " + signed.least().label()
                        + (route.acts() ? ", or a session's CSRF token is missing" : "")));
            }
        }
        if (route.action() != null) {
            operation.put("x-shipshape-action", route.action());
        }
        responses.put("4XX", error("The request is not acceptable; the code says why"));
        responses.put("5XX", error("The server or its store failed"));
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
    }

    private static Map<String, Object> components() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "object");
        error.put("required", List.of("status", "code", "message", "details"));
        error.put("properties", Map.of(
                "status", Map.of("type", "integer", "description", "the HTTP status"),
                "code", Map.of("type", "string", "description", "stable, e.g. unauthenticated, forbidden, csrf,"
                        + " not_found, bad_json, bad_body, throttled"),
                "message", Map.of("type", "string", "description", "what went wrong and what to do next"),
                "details", Map.of("type", "object", "description", "e.g. the field, line and column of a bad body")));
        return Map.of(
                "securitySchemes", Map.of(
                        "bearer", Map.of("type", "http", "scheme", "bearer", "description", "an API token (shp_...)"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", Authenticator.SESSION_COOKIE,
                                "description", "a browser session from POST /login; state-changing requests"
                                        + " also send X-CSRF-Token")),
                "schemas", Map.of("Error", error));
    }
}
