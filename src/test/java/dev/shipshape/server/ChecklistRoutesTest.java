package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static dev.shipshape.server.ServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistRoutesTest {

    private static final String RUNBOOK = """
            service: shop
            people:
              approver: [security]
              deployer: [dev]
            environments:
              staging: {}
              production:
                checklist:
                  strict: true
                  items:
                    - {name: tests pass, run: "echo all green"}
                    - {name: security audit, sign_off: [security]}
            stages:
              - name: deploy
                steps:
                  - run: echo deployed
            """;
    private static final String CHECKLIST = "/api/v1/services/shop/environments/production/checklist";

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() throws Exception {
        kit = new ServerKit(folder);
        kit.write("shop.yaml", RUNBOOK);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void theChecklistRunsNowAndBlocksUntilItsManualItemIsSignedOffForTheVersion() throws Exception {
        JsonNode before = json(kit.get(CHECKLIST + "?version=v1", Role.VIEWER));

        assertThat(before.path("verdict").asText()).isEqualTo("block");
        assertThat(before.path("items").findValuesAsText("item")).containsExactly("tests pass", "security audit");
        HttpResponse<String> signed = kit.post(CHECKLIST + "/sign", Role.APPROVER,
                "{\"item\":\"security audit\",\"version\":\"v1\",\"note\":\"reviewed\"}");

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(json(signed).path("by").asText()).isEqualTo("approver (security)");
        assertThat(json(kit.get(CHECKLIST + "?version=v1", Role.VIEWER)).path("verdict").asText()).isEqualTo("pass");
        assertThat(json(kit.get(CHECKLIST + "?version=v2", Role.VIEWER)).path("verdict").asText())
                .isEqualTo("block");
        var entry = kit.store.audit().since(null).getLast().record();
        assertThat(entry.action()).isEqualTo("checklist sign");
        assertThat(entry.target()).isEqualTo("service=shop env=production version=v1 item=security audit");
    }

    @Test
    void aUserWithoutTheItemsRoleCannotSignAndAViewerIsRefused() throws Exception {
        HttpResponse<String> refused = kit.post(CHECKLIST + "/sign", Role.DEPLOYER,
                "{\"item\":\"security audit\",\"version\":\"v1\"}");

        assertError(refused, 422, "failed");
        assertThat(json(refused).path("message").asText()).contains("deployer may not sign off 'security audit'");
        assertError(kit.post(CHECKLIST + "/sign", Role.VIEWER, "{\"item\":\"security audit\",\"version\":\"v1\"}"),
                403, "forbidden");
        assertThat(kit.store.gates().signOffs("shop", "production", "v1")).isEmpty();
    }

    @Test
    void anUnknownItemIs404AndAMissingVersionIs400() throws Exception {
        assertError(kit.post(CHECKLIST + "/sign", Role.APPROVER, "{\"item\":\"pen test\",\"version\":\"v1\"}"), 404,
                "not_found");
        assertError(kit.post(CHECKLIST + "/sign", Role.APPROVER, "{\"item\":\"security audit\"}"), 400,
                "invalid_input");
    }

    @Test
    void anEnvironmentWithoutAChecklistOrUnknownIs404() throws Exception {
        assertError(kit.get("/api/v1/services/shop/environments/staging/checklist", Role.VIEWER), 404, "not_found");
        assertError(kit.get("/api/v1/services/shop/environments/qa/checklist", Role.VIEWER), 404, "not_found");
    }
}
