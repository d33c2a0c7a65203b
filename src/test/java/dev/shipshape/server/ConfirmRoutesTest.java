package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static dev.shipshape.server.ServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunStatus;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmRoutesTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version} >> journal
                  - name: sentry
                    confirm: Check Sentry for new errors
                  - run: echo after >> journal
            """;

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
    void aDeployerConfirmsTheWaitingStepByNameAndTheRunGoesOn() throws Exception {
        AreaRuns.Started started = AreaRuns.waitingAt(kit, "confirm", "shop", "staging", "1.0", "admin");

        HttpResponse<String> confirmed = kit.post("/api/v1/runs/" + started.runId() + "/steps/sentry/confirm",
                Role.DEPLOYER, "{\"note\":\"no new errors\"}");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).path("by").asText()).isEqualTo("deployer");
        assertThat(json(confirmed).path("step").asText()).isEqualTo("sentry");
        assertThat(json(confirmed).path("note").asText()).isEqualTo("no new errors");
        assertThat(started.ended().outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        var entry = kit.store.audit().since(null).getLast().record();
        assertThat(entry.action()).isEqualTo("confirm");
        assertThat(entry.target()).isEqualTo("run=" + started.runId() + " step=sentry");
    }

    @Test
    void aViewerMayNotConfirmAnotherStepIsRefusedAndAnUnknownRunIs404() throws Exception {
        AreaRuns.Started started = AreaRuns.waitingAt(kit, "confirm", "shop", "staging", "1.0", "admin");
        String run = "/api/v1/runs/" + started.runId();

        assertError(kit.post(run + "/steps/sentry/confirm", Role.VIEWER, ""), 403, "forbidden");
        HttpResponse<String> other = kit.post(run + "/steps/grafana/confirm", Role.DEPLOYER, "");
        assertError(other, 400, "invalid_input");
        assertThat(json(other).path("message").asText()).contains("not at grafana");
        assertError(kit.post(run + "/steps/sentry/confirm", Role.DEPLOYER, "{\"note\":[]}"), 400, "bad_body");
        assertError(kit.post("/api/v1/runs/r-nothing/steps/sentry/confirm", Role.DEPLOYER, ""), 404, "not_found");
        assertThat(kit.store.confirmations().confirmation(started.runId(), "deploy/2")).isEmpty();

        kit.post(run + "/steps/sentry/confirm", Role.DEPLOYER, "");
        assertThat(started.ended().outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
