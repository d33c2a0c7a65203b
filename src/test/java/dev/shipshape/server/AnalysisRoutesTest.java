package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static dev.shipshape.server.ServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.users.Role;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisRoutesTest {

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() throws Exception {
        kit = new ServerKit(folder);
        kit.write("shop.yaml", ServiceRoutesTest.SHOP);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void eachMetricsSamplesComeInOrderWithItsThresholdsAndTheResultsFollow() throws Exception {
        String runId = AreaRuns.deployed(kit, "shop", "staging", "1.0").run().runId();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        VerificationLog log = kit.store.verification();
        log.sample(new VerificationLog.StoredSample(runId, "deploy/2", "error_rate", at, 0.01, null, 0.02, 0.05));
        log.sample(new VerificationLog.StoredSample(runId, "deploy/2", "p99", at, 310.0, null, 400.0, null));
        log.sample(new VerificationLog.StoredSample(runId, "deploy/2", "error_rate", at.plusSeconds(30), null,
                "prometheus did not answer", 0.02, 0.05));
        log.result(new VerificationLog.StoredResult(runId, "deploy/2", "analysis", "passed",
                "error_rate below 0.02 with key ${secret:PROM_TOKEN}", 0, 0, at.plusSeconds(60)));

        JsonNode body = json(kit.get("/api/v1/runs/" + runId + "/analyses", Role.VIEWER));

        assertThat(body.path("series").findValuesAsText("metric")).containsExactly("error_rate", "p99");
        JsonNode errors = body.path("series").get(0);
        assertThat(errors.path("warning").asDouble()).isEqualTo(0.02);
        assertThat(errors.path("critical").asDouble()).isEqualTo(0.05);
        assertThat(errors.path("samples").get(0).path("value").asDouble()).isEqualTo(0.01);
        assertThat(errors.path("samples").get(1).path("value").isNull()).isTrue();
        assertThat(errors.path("samples").get(1).path("error").asText()).isEqualTo("prometheus did not answer");
        assertThat(body.path("series").get(1).path("critical").isNull()).isTrue();
        assertThat(body.path("results").get(0).path("reason").asText()).isEqualTo("error_rate below 0.02 with key ***");
    }

    @Test
    void aRunWithoutAnalysesHasEmptyListsAndAnUnknownRunIs404() throws Exception {
        String runId = AreaRuns.deployed(kit, "shop", "staging", "1.0").run().runId();

        JsonNode body = json(kit.get("/api/v1/runs/" + runId + "/analyses", Role.VIEWER));

        assertThat(body.path("series").size()).isZero();
        assertThat(body.path("probes").size()).isZero();
        assertError(kit.get("/api/v1/runs/r-nothing/analyses", Role.VIEWER), 404, "not_found");
        assertError(kit.get("/api/v1/runs/" + runId + "/analyses", null), 401, "unauthenticated");
    }
}
