package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.users.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() {
        kit = new ServerKit(folder);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void theDocumentListsExactlyTheRoutesJavalinServesWithTheirMethods() throws Exception {
        JsonNode document = document();

        Set<String> listed = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                listed.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> served = kit.server.servedEndpoints().stream().map(ServerOpenApiTest::openApiSyntax)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> table = kit.server.routes().stream().map(r -> r.method().name() + " " + OpenApiDocument.pathOf(r))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(listed).isEqualTo(served).isEqualTo(table).contains("GET /health", "POST /login",
                "GET /api/v1/openapi.json");
    }

    @Test
    void everyListedRouteAnswersItsMethodWithSomethingOtherThan404() throws Exception {
        List<String> missing = new ArrayList<>();
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String uri = path.getKey().replaceAll("\\{[^}]+}", "no-such-thing");
            try {
                // asking for JSON: a live-events stream answers that with a 406 instead of streaming on
                HttpResponse<String> answer = kit.send(kit.request(uri, Role.ADMIN).header("Content-Type",
                        "application/json").header("Accept", "application/json").method(op.getKey().toUpperCase(Locale.ROOT),
                        HttpRequest.BodyPublishers.ofString("{}")).build());
                boolean routeMissing = answer.statusCode() == 404 && answer.body().contains("\"no route ");
                if (routeMissing || answer.statusCode() == 405) {
                    missing.add(op.getKey() + " " + path.getKey() + " answered " + answer.statusCode());
                }
            } catch (Exception e) {
                missing.add(op.getKey() + " " + path.getKey() + " failed: " + e);
            }
        }));

        assertThat(missing).isEmpty();
    }

    @Test
    void eachOperationTellsItsSecurityLeastRoleAndTheErrorShape() throws Exception {
        JsonNode paths = document().path("paths");

        assertThat(paths.path("/health").path("get").path("security").isEmpty()).isTrue();
        JsonNode logout = paths.path("/logout").path("post");
        assertThat(logout.path("x-shipshape-least-role").asText()).isEqualTo("viewer");
        assertThat(logout.path("x-shipshape-action").asText()).isEqualTo("logout");
        assertThat(logout.path("security").toString()).contains("bearer").contains("session");
        assertThat(logout.path("responses").path("401").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/Error");
        assertThat(document().path("components").path("schemas").path("Error").path("required").toString())
                .isEqualTo("[\"status\",\"code\",\"message\",\"details\"]");
    }

    @Test
    void pathParametersBecomeOpenApiParameters() {
        Route route = Route.get("/api/v1/runs/{id}/steps/<step>", Route.Access.role(Role.VIEWER), "A step",
                ctx -> { });

        JsonNode op = JSON.valueToTree(OpenApiDocument.of(List.of(route), "test")).path("paths")
                .path("/api/v1/runs/{id}/steps/{step}").path("get");

        assertThat(op.path("parameters").findValuesAsText("name")).containsExactly("id", "step");
        assertThat(op.path("parameters").get(0).path("in").asText()).isEqualTo("path");
        assertThat(op.path("parameters").get(0).path("required").asBoolean()).isTrue();
    }

    @Test
    void theDocumentNeedsAViewer() throws Exception {
        assertError(kit.get(OpenApiDocument.PATH, null), 401, "unauthenticated");
    }

    private JsonNode document() throws Exception {
        HttpResponse<String> answer = kit.get(OpenApiDocument.PATH, Role.VIEWER);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String openApiSyntax(String endpoint) {
        return endpoint.replaceAll("<([^>]+)>", "{$1}");
    }
}
