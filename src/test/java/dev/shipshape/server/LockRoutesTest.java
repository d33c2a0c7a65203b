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

class LockRoutesTest {

    private static final String UNLOCK = "/api/v1/services/shop/environments/staging/unlock";

    @TempDir
    Path folder;
    ServerKit kit;
    AreaRuns.Started started;

    @BeforeEach
    void start() throws Exception {
        kit = new ServerKit(folder);
        kit.write("shop.yaml", ApprovalRoutesTest.GATED);
        started = AreaRuns.waitingAt(kit, "approval", "shop", "staging", "1.0", "deployer");
    }

    @AfterEach
    void stop() throws Exception {
        kit.post("/api/v1/runs/" + started.runId() + "/reject", Role.APPROVER, "{\"reason\":\"test over\"}");
        started.ended();
        kit.close();
    }

    @Test
    void theLocksOfEveryServiceAreListedWithTheRunThatHoldsThem() throws Exception {
        JsonNode locks = json(kit.get("/api/v1/locks", Role.VIEWER));

        assertThat(locks.size()).isEqualTo(1);
        assertThat(locks.get(0).path("service").asText()).isEqualTo("shop");
        assertThat(locks.get(0).path("environment").asText()).isEqualTo("staging");
        assertThat(locks.get(0).path("runId").asText()).isEqualTo(started.runId());
        assertThat(locks.get(0).path("alive").asBoolean()).isTrue();
    }

    @Test
    void aLiveRunsLockIsKeptUnlessForcedAndAViewerMayNotUnlock() throws Exception {
        assertError(kit.post(UNLOCK, Role.VIEWER, "{\"reason\":\"stuck\"}"), 403, "forbidden");
        HttpResponse<String> kept = kit.post(UNLOCK, Role.DEPLOYER, "{\"reason\":\"stuck\"}");

        assertError(kept, 409, "locked");
        assertThat(json(kept).path("message").asText()).contains("held by run " + started.runId());
        HttpResponse<String> forced = kit.post(UNLOCK, Role.DEPLOYER, "{\"reason\":\"stuck\",\"force\":true}");

        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(json(forced).path("unlocked").asBoolean()).isTrue();
        assertThat(json(forced).path("heldBy").path("runId").asText()).isEqualTo(started.runId());
        assertThat(kit.store.runs().lock("shop", "staging")).isEmpty();
        var entry = kit.store.audit().since(null).getLast().record();
        assertThat(entry.action()).isEqualTo("unlock");
        assertThat(entry.target()).isEqualTo("service=shop env=staging");
    }

    @Test
    void anUnlockNeedsAReasonAndAKnownEnvironment() throws Exception {
        assertError(kit.post(UNLOCK, Role.DEPLOYER, "{\"force\":true}"), 400, "bad_body");
        assertError(kit.post(UNLOCK, Role.DEPLOYER, "{\"reason\":\"x\",\"force\":\"yes\"}"), 400, "bad_body");
        assertError(kit.post("/api/v1/services/shop/environments/prod/unlock", Role.DEPLOYER,
                "{\"reason\":\"x\"}"), 404, "not_found");
        assertThat(kit.store.runs().lock("shop", "staging")).isPresent();
    }
}
