package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Store;
import dev.shipshape.tokens.Tokens;
import dev.shipshape.users.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code shipshape serve} running a deploy: the server exits within its grace period, the step's
 * command is stopped, the run stays running in the store, and the server started again resumes it.
 */
class ServeSigtermTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;
    final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        Files.writeString(folder.resolve("shop/released"), "");
        for (Process server : servers) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void sigtermLeavesTheRunResumableAndTheNextStartResumesIt() throws Exception {
        Files.createDirectories(folder.resolve("shop"));
        Files.writeString(folder.resolve("shop/shipshape.yaml"), """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo $$ > started; while [ ! -e released ]; do sleep 0.1; done; echo done >> journal
                        idempotent: true
                """);
        String token = deployerToken();
        Process first = serve("first.out");
        int port = port("first.out");

        HttpResponse<String> started = post(port, token, "/api/v1/services/shop/deploys",
                "{\"environment\": \"staging\", \"version\": \"v1\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = new ObjectMapper().readTree(started.body()).path("runId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("shop/started"))
                && !Files.readString(folder.resolve("shop/started")).isBlank());
        long step = Long.parseLong(Files.readString(folder.resolve("shop/started")).trim());
        CliProcess.terminate(first);

        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the server exited").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(step).map(p -> !p.isAlive())
                .orElse(true));
        try (Store store = Store.open(null, folder, Map.of(), Clock.systemUTC())) {
            assertThat(store.runs().run(runId).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(store.runs().steps(runId)).extracting(StepRecord::state).containsExactly(State.RUNNING);
        }
        assertThat(Files.exists(folder.resolve("shop/journal"))).isFalse();

        Files.writeString(folder.resolve("shop/released"), "");
        serve("second.out");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(runId) == RunStatus.SUCCEEDED);
        assertThat(Files.readAllLines(folder.resolve("shop/journal"))).containsExactly("done");
    }

    private String deployerToken() {
        try (Store store = Store.open(null, folder, Map.of(), Clock.systemUTC())) {
            store.users().add("deployer", Role.DEPLOYER, null, Clock.systemUTC().instant());
            return new Tokens(store.tokens(), store.users(), Clock.systemUTC(), new SecureRandom())
                    .issue("deployer", "test", Duration.ofDays(1)).value();
        }
    }

    private Process serve(String output) throws Exception {
        Process server = CliProcess.start(folder, output, "serve", "--port", "0");
        servers.add(server);
        return server;
    }

    private int port(String output) {
        Path file = folder.resolve(output);
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

    private RunStatus status(String runId) {
        try (Store store = Store.open(null, folder, Map.of(), Clock.systemUTC())) {
            return store.runs().run(runId).orElseThrow().status();
        }
    }

    private static HttpResponse<String> post(int port, String token, String path, String json) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
