package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret a step prints never reaches an API answer, a live event, the audit log or the store. */
class ServerSecretsTest {

    private static final String SECRET = "s3cr3t-value-8f2a";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() throws Exception {
        kit = new ServerKit(folder);
        kit.write("shop/shipshape.yaml", """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: 'echo "token is $API_TOKEN"; sleep 1; echo "again $API_TOKEN"'
                        env:
                          API_TOKEN: ${secret:DEPLOY_TOKEN}
                """);
        Path secrets = kit.write("shop/.shipshape/secrets", "DEPLOY_TOKEN=" + SECRET + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void aSecretPrintedByAStepIsMaskedInEveryAnswerAndEventAndKeptNowhere() throws Exception {
        HttpResponse<String> started = kit.post("/api/v1/services/shop/deploys", Role.DEPLOYER,
                "{\"environment\": \"staging\", \"version\": \"v1\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = JSON.readTree(started.body()).path("runId").asText();
        EventStream stream = EventStream.open(kit, "/api/v1/runs/" + runId + "/events", Role.VIEWER, null);
        List<String> frames = new ArrayList<>();
        for (EventStream.Frame frame = stream.next(); !"run.succeeded".equals(frame.event()); frame = stream.next()) {
            frames.add(frame.event() + " " + frame.data());
        }
        stream.close();

        List<String> answers = new ArrayList<>(frames);
        for (String path : List.of("/api/v1/runs/" + runId, "/api/v1/runs/" + runId + "/steps/deploy/1/output",
                "/api/v1/runs?service=shop", "/api/v1/runs/" + runId + "/analyses", "/api/v1/audit")) {
            HttpResponse<String> answer = kit.get(path, Role.ADMIN);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            answers.add(answer.body());
        }
        answers.add(kit.get("/metrics", Role.VIEWER).body());

        assertThat(String.join("\n", answers)).doesNotContain(SECRET).contains("token is ***");
        assertThat(frames).anyMatch(frame -> frame.startsWith("output ") && frame.contains("again ***"));
        JsonNode output = JSON.readTree(kit.get("/api/v1/runs/" + runId + "/steps/deploy/1/output", Role.VIEWER)
                .body());
        assertThat(output.toString()).contains("token is ***").contains("again ***");
        await().atMost(Duration.ofSeconds(5)).until(() -> !kit.store.runs().run(runId).orElseThrow().status()
                .name().equals("RUNNING"));
        assertThat(dev.shipshape.testing.StoreDump.of(folder)).doesNotContain(SECRET);
    }
}
