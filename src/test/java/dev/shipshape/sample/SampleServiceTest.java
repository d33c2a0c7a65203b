package dev.shipshape.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleServiceTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private SampleService service;

    @BeforeEach
    void start() throws Exception {
        service = SampleService.start(0, "v2.0.0", new Faults());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsHealthInTheSeedsShape() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).matches("\\{\"status\":\"healthy\",\"checks\":\\{\"database\":true,\"redis\":true},"
                + "\"uptime\":\\d+,\"version\":\"v2.0.0\"}");
    }

    @Test
    void reportsTheDatabaseCheckFailingWhenSwitchedUnhealthy() throws Exception {
        send("POST", "/admin/faults?unhealthy=true", null, null);

        HttpResponse<String> health = send("GET", "/health", null, null);

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"unhealthy\"", "\"database\":false");
    }

    @Test
    void reportsStartingUntilTheSlowStartHasPassed() throws Exception {
        service.faults().slowStart(Duration.ofHours(1));

        HttpResponse<String> health = send("GET", "/health", null, null);

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"starting\"");
    }

    @Test
    void logsInListsProductsAndReadsBackACreatedOrder() throws Exception {
        String token = send("POST", "/api/login", null, "{}").body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> products = send("GET", "/api/products", token, null);
        HttpResponse<String> created = send("POST", "/api/orders", token, "{\"item\":\"teapot\"}");
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> read = send("GET", "/api/orders/" + id, token, null);

        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.body()).contains("Teapot");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"id\":\"" + id + "\",\"item\":\"teapot\",\"status\":\"placed\"}");
    }

    @Test
    void refusesTheApiWithoutAToken() throws Exception {
        HttpResponse<String> products = send("GET", "/api/products", null, null);

        assertThat(products.statusCode()).isEqualTo(401);
        assertThat(products.body()).isEqualTo("{\"error\":\"log in first: POST /api/login\"}");
    }

    @Test
    void failsExactlyTheInjectedShareOfRequestsAndCountsThemInMetrics() throws Exception {
        HttpResponse<String> switched = send("POST", "/admin/faults?error_rate=0.25", null, null);
        int failures = 0;
        for (int i = 0; i < 8; i++) {
            failures += send("GET", "/", null, null).statusCode() == 500 ? 1 : 0;
        }

        String metrics = send("GET", "/metrics", null, null).body();

        assertThat(switched.body()).contains("\"error_rate\":0.25");
        assertThat(failures).isEqualTo(2);
        assertThat(metrics).contains("# TYPE http_requests_total counter",
                "http_requests_total{method=\"GET\",path=\"/\",status=\"500\"} 2",
                "http_requests_total{method=\"GET\",path=\"/\",status=\"200\"} 6",
                "# TYPE http_request_duration_seconds histogram",
                "http_request_duration_seconds_bucket{method=\"GET\",path=\"/\",le=\"+Inf\"} 8",
                "http_request_duration_seconds_count{method=\"GET\",path=\"/\"} 8");
    }

    @Test
    void rejectsAnUnknownFaultSwitch() throws Exception {
        HttpResponse<String> response = send("POST", "/admin/faults?error_rat=1", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"unknown switch 'error_rat'; expected error_rate, latency, unhealthy or release\"}");
    }
}
