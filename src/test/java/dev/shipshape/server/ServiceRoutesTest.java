package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
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

class ServiceRoutesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHOP = """
            service: shop
            environments:
              staging: {}
              production:
                windows:
                  timezone: UTC
                  allow: ["Mon-Fri 09:00-17:00"]
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
            """;

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() throws Exception {
        kit = new ServerKit(folder);
        kit.write("shop.yaml", SHOP);
        kit.write("broken/shipshape.yaml", SHOP.replace("shop", "broken").replace("    steps:", "    stepz:"));
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void theListShowsEachServiceValidOrWithItsProblemsAndWhereTheyAre() throws Exception {
        HttpResponse<String> list = kit.get("/api/v1/services", Role.VIEWER);

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode services = json(list);
        assertThat(services.findValuesAsText("name")).containsExactly("broken", "shop");
        JsonNode broken = services.get(0);
        assertThat(broken.path("valid").asBoolean()).isFalse();
        assertThat(broken.path("file").asText()).isEqualTo("broken/shipshape.yaml");
        JsonNode problem = broken.path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("broken/shipshape.yaml");
        assertThat(problem.path("line").asInt()).isPositive();
        assertThat(problem.path("column").asInt()).isPositive();
        assertThat(problem.path("message").asText()).contains("steps");
        assertThat(services.get(1).path("valid").asBoolean()).isTrue();
        assertThat(services.get(1).path("problems").size()).isZero();
    }

    @Test
    void withoutATokenTheListIsRefused() throws Exception {
        assertError(kit.get("/api/v1/services", null), 401, "unauthenticated");
    }

    @Test
    void aServiceIsDescribedWithItsRunbookTextAndSummary() throws Exception {
        HttpResponse<String> shop = kit.get("/api/v1/services/shop", Role.VIEWER);

        assertThat(shop.statusCode()).isEqualTo(200);
        JsonNode body = json(shop);
        assertThat(body.path("runbook").asText()).isEqualTo(SHOP);
        assertThat(body.path("summary").path("environments").asInt()).isEqualTo(2);
        assertThat(body.path("summary").path("stages").asInt()).isEqualTo(1);
        assertThat(body.path("summary").path("steps").asInt()).isEqualTo(1);
    }

    @Test
    void anInvalidServiceIsDescribedWithItsTextAndProblemsButNoSummary() throws Exception {
        JsonNode body = json(kit.get("/api/v1/services/broken", Role.VIEWER));

        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("summary").isNull()).isTrue();
        assertThat(body.path("runbook").asText()).contains("stepz:");
    }

    @Test
    void anUnknownServiceIs404WithTheClosestName() throws Exception {
        HttpResponse<String> missing = kit.get("/api/v1/services/shoop", Role.VIEWER);

        assertError(missing, 404, "not_found");
        assertThat(json(missing).path("message").asText()).contains("shop");
    }

    @Test
    void validateReadsTheRunbookAsItIsNow() throws Exception {
        assertThat(json(kit.post("/api/v1/services/shop/validate", Role.VIEWER, "")).path("valid").asBoolean())
                .isTrue();
        kit.write("shop.yaml", SHOP.replace("    steps:", "    stepsx:"));

        HttpResponse<String> validated = kit.post("/api/v1/services/shop/validate", Role.VIEWER, "");

        assertThat(validated.statusCode()).isEqualTo(200);
        assertThat(json(validated).path("valid").asBoolean()).isFalse();
        assertThat(json(validated).path("problems").findValuesAsText("message"))
                .contains("unknown key 'stepsx'");
    }

    @Test
    void thePlanIsThePlanCommandsDocumentWithTheGatesAsOfTheMomentAsked() throws Exception {
        HttpResponse<String> closed = kit.get("/api/v1/services/shop/plan?environment=production&version=1.2.0"
                + "&at=2026-01-31T10:00Z", Role.VIEWER);
        HttpResponse<String> open = kit.get("/api/v1/services/shop/plan?environment=production&version=1.2.0"
                + "&at=2026-01-29T10:00Z", Role.VIEWER);

        assertThat(closed.statusCode()).isEqualTo(200);
        JsonNode plan = json(closed);
        assertThat(plan.path("service").asText()).isEqualTo("shop");
        assertThat(plan.path("version").asText()).isEqualTo("1.2.0");
        assertThat(plan.path("stages").get(0).path("steps").get(0).path("summary").asText())
                .contains("echo deploy 1.2.0");
        assertThat(plan.path("gates").path("verdict").asText()).isEqualTo("block");
        assertThat(json(open).path("gates").path("verdict").asText()).isNotEqualTo("block");
    }

    @Test
    void aPlanWithoutAVersionOrWithABadMomentIs400() throws Exception {
        HttpResponse<String> noVersion = kit.get("/api/v1/services/shop/plan?environment=staging", Role.VIEWER);
        HttpResponse<String> badMoment = kit.get("/api/v1/services/shop/plan?environment=staging&version=1"
                + "&at=tomorrow", Role.VIEWER);

        assertError(noVersion, 400, "bad_query");
        assertThat(json(noVersion).path("message").asText()).contains("version");
        assertError(badMoment, 400, "bad_query");
        assertThat(json(badMoment).path("message").asText()).contains("tomorrow");
    }

    @Test
    void planningAnInvalidServiceIs409WithItsProblems() throws Exception {
        HttpResponse<String> refused = kit.get("/api/v1/services/broken/plan?environment=staging&version=1",
                Role.VIEWER);

        assertError(refused, 409, "invalid_runbook");
        assertThat(json(refused).path("details").path("problems").size()).isPositive();
    }
}
