package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} settings from {@code .shipshape/config.yaml}, and its logs as JSON lines, on a real process. */
class ServeSettingsTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;
    Process server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void theConfigFilesServerSectionSetsThePortAndTheAccessLogAndLogsAreJsonLines() throws Exception {
        Files.createDirectories(folder.resolve(".shipshape"));
        Files.writeString(folder.resolve(".shipshape/config.yaml"), """
                server:
                  port: 0
                  access_log: true
                  public_metrics: true
                """);
        server = CliProcess.start(folder, "serve.out", Map.of("SHIPSHAPE_LOG_FORMAT", "json"), "serve");
        int port = port();

        HttpResponse<String> metrics;
        try (HttpClient http = HttpClient.newHttpClient()) {
            metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(metrics.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(folder.resolve("serve.out"))
                .contains("shipshape.access"));
        CliProcess.terminate(server);

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String access = Files.readString(folder.resolve("serve.out")).lines()
                .filter(line -> line.contains("shipshape.access")).findFirst().orElseThrow();
        JsonNode entry = new ObjectMapper().readTree(access);
        assertThat(entry.path("level").asText()).isEqualTo("INFO");
        assertThat(entry.path("formattedMessage").asText()).startsWith("GET /metrics 200 ");
        assertThat(entry.path("kvpList").toString()).contains("{\"route\":\"/metrics\"}").contains("{\"status\":\"200\"}");
    }

    @Test
    void anUnknownServerSettingIsNamedWithTheFileAndNothingListens() throws Exception {
        Cli cli = new Cli(folder);
        cli.write(".shipshape/config.yaml", "server:\n  prot: 9000\n");

        Cli.Result serve = cli.run("serve");

        assertThat(serve.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(serve.err().strip()).isEqualTo("shipshape: " + folder.resolve(".shipshape/config.yaml")
                + ": unknown setting server.prot; did you mean 'port'?");
    }

    private int port() {
        Path file = folder.resolve("serve.out");
        int[] port = new int[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher m = LISTENING.matcher(Files.exists(file) ? Files.readString(file) : "");
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
                return true;
            }
            return false;
        });
        return port[0];
    }
}
