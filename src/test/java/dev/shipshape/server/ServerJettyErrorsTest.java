package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests so broken that Jetty refuses them before any route sees them still get the JSON error shape. */
class ServerJettyErrorsTest {

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
    void aMalformedRequestLineIs400InTheErrorShape() throws Exception {
        assertJsonError(raw("THIS IS NOT HTTP\r\n\r\n"), 400);
    }

    @Test
    void aBadUriEncodingIs400InTheErrorShape() throws Exception {
        assertJsonError(raw("GET /api/v1/runs/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void tooLargeHeadersAre431InTheErrorShape() throws Exception {
        String huge = "X-Filler: " + "a".repeat(20_000) + "\r\n";
        assertJsonError(raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + huge + "Connection: close\r\n\r\n"), 431);
    }

    private static void assertJsonError(String response, int status) throws Exception {
        int split = response.indexOf("\r\n\r\n");
        assertThat(split).as("a whole response: %s", response).isPositive();
        String head = response.substring(0, split);
        String body = response.substring(split + 4);
        assertThat(head).startsWith("HTTP/1.1 " + status);
        assertThat(head.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json")
                .contains("connection: close");
        JsonNode error = JSON.readTree(body);
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("code").asText()).isNotBlank();
        assertThat(error.path("message").asText()).startsWith("the server could not read the request");
        assertThat(error.path("details").isObject()).isTrue();
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", kit.server.port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
