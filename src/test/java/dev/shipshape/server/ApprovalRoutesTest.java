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

class ApprovalRoutesTest {

    static final String GATED = """
            service: shop
            people:
              deployer: [dev]
              approver: [lead]
              admin: [lead]
            environments:
              staging: {}
            stages:
              - name: gate
                steps:
                  - approval: {count: 1, roles: [lead], expires: 4h}
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
        kit.write("shop.yaml", GATED);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void anApproverApprovesTheRunAsTheSignedInUserAndTheRunGoesOn() throws Exception {
        AreaRuns.Started started = AreaRuns.waitingAt(kit, "approval", "shop", "staging", "1.0", "deployer");

        HttpResponse<String> approved = kit.post("/api/v1/runs/" + started.runId() + "/approve", Role.APPROVER,
                "{\"note\":\"looks fine\"}");

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json(approved).path("decision").asText()).isEqualTo("approved");
        assertThat(json(approved).path("by").asText()).isEqualTo("approver (lead)");
        assertThat(json(approved).path("comment").asText()).isEqualTo("looks fine");
        assertThat(started.ended().outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(kit.store.audit().since(null).getLast().record().target()).isEqualTo("run=" + started.runId());
    }

    @Test
    void aDeployerMayNotApproveAndWhoStartedTheRunCannotApproveIt() throws Exception {
        AreaRuns.Started started = AreaRuns.waitingAt(kit, "approval", "shop", "staging", "1.0", "admin");
        String approve = "/api/v1/runs/" + started.runId() + "/approve";

        assertError(kit.post(approve, Role.DEPLOYER, ""), 403, "forbidden");
        HttpResponse<String> own = kit.post(approve, Role.ADMIN, "");

        assertError(own, 422, "failed");
        assertThat(json(own).path("message").asText()).contains("admin started run").contains("cannot approve it");
        assertThat(kit.store.gates().decisions(started.runId(), "gate/1")).isEmpty();
        kit.post(approve, Role.APPROVER, "");
        assertThat(started.ended().outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aRejectionNeedsAReasonWhichBecomesTheRunsFailure() throws Exception {
        AreaRuns.Started started = AreaRuns.waitingAt(kit, "approval", "shop", "staging", "1.0", "deployer");
        String reject = "/api/v1/runs/" + started.runId() + "/reject";

        assertError(kit.post(reject, Role.APPROVER, "{}"), 400, "bad_body");
        assertError(kit.post(reject, Role.APPROVER, "{\"reason\":3}"), 400, "bad_body");
        HttpResponse<String> rejected = kit.post(reject, Role.APPROVER, "{\"reason\":\"not during the sale\"}");

        assertThat(json(rejected).path("decision").asText()).isEqualTo("rejected");
        assertThat(kit.store.audit().since(null)).extracting(e -> e.record().target() + " " + e.record().outcome())
                .containsExactly("run=" + started.runId() + " failed (400 bad_body)",
                        "run=" + started.runId() + " failed (400 bad_body)",
                        "run=" + started.runId() + " succeeded (200)");
        assertThat(started.ended().outcome().reason()).contains("rejected by approver: not during the sale");
    }

    @Test
    void anUnknownRunIs404() throws Exception {
        assertError(kit.post("/api/v1/runs/r-nothing/approve", Role.APPROVER, ""), 404, "not_found");
    }
}
