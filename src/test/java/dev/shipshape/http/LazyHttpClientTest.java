package dev.shipshape.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipshape.steps.StepExecutors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The steps' HTTP client is built by the first request, with the settings steps rely on. */
class LazyHttpClientTest {

    @Test
    void stepsClientIsNotBuiltUntilARequestNeedsIt() {
        HttpClient client = StepExecutors.defaultHttpClient();

        assertThat(client).isInstanceOf(LazyHttpClient.class);
        assertThat(((LazyHttpClient) client).built()).isFalse();
    }

    @Test
    void firstRequestBuildsItAndGetsTheAnswerWithoutFollowingRedirects() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.getResponseHeaders().add("Location", "/login");
            byte[] body = "moved".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(302, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (HttpClient client = StepExecutors.defaultHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(((LazyHttpClient) client).built()).isTrue();
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.body()).isEqualTo("moved");
            assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        } finally {
            server.stop(0);
        }
    }
}
