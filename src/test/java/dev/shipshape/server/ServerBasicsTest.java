package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBasicsTest {

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
    void healthAnswersWithoutATokenInTheSeedsShape() throws Exception {
        HttpResponse<String> health = kit.get("/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("healthy");
        assertThat(body.path("checks").path("store").asText()).isEqualTo("ok");
        assertThat(body.path("version").asText()).isEqualTo("test");
        assertThat(body.path("uptime").isNumber()).isTrue();
    }

    @Test
    void metricsWithoutATokenAre401InTheErrorShape() throws Exception {
        HttpResponse<String> metrics = kit.get("/metrics", null);

        assertThat(metrics.statusCode()).isEqualTo(401);
        assertError(metrics, 401, "unauthenticated");
    }

    @Test
    void metricsWithATokenArePrometheusTextWithRequestLatencyByRoute() throws Exception {
        kit.get("/health", null);

        HttpResponse<String> metrics = kit.get("/metrics", Role.VIEWER);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void anUnknownTokenIsRefusedWithItsReasonAndTheTokenIsNotEchoed() throws Exception {
        HttpResponse<String> refused = kit.send(kit.request("/metrics", null)
                .header("Authorization", "Bearer shp_notatokenthatwasissued00000000000000").GET().build());

        assertError(refused, 401, "unauthenticated");
        assertThat(refused.body()).doesNotContain("shp_notatoken");
    }

    @Test
    void anUnknownRouteIs404InTheErrorShape() throws Exception {
        HttpResponse<String> missing = kit.get("/api/v1/nothing-here", Role.ADMIN);

        assertError(missing, 404, "not_found");
        assertThat(JSON.readTree(missing.body()).path("message").asText()).contains("/api/v1/nothing-here");
    }

    static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("details").isObject()).isTrue();
    }
}
