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

class PeopleRoutesTest {

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
    void anAdminAddsAUserWithAPasswordThatIsNeverAnswered() throws Exception {
        HttpResponse<String> added = kit.post("/api/v1/users", Role.ADMIN,
                "{\"name\":\"erin\",\"role\":\"deployer\",\"password\":\"correct horse battery\"}");

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).path("name").asText()).isEqualTo("erin");
        assertThat(json(added).path("role").asText()).isEqualTo("deployer");
        assertThat(json(added).path("password").asBoolean()).isTrue();
        assertThat(added.body()).doesNotContain("correct horse").doesNotContain("argon2");
        assertThat(kit.store.users().find("erin")).isPresent();
    }

    @Test
    void anApproverMayNotAddUsersAndNothingIsAdded() throws Exception {
        HttpResponse<String> refused = kit.post("/api/v1/users", Role.APPROVER,
                "{\"name\":\"erin\",\"role\":\"admin\"}");

        assertError(refused, 403, "forbidden");
        assertThat(kit.store.users().find("erin")).isEmpty();
        assertError(kit.get("/api/v1/users", Role.APPROVER), 403, "forbidden");
    }

    @Test
    void aBadRoleATakenNameOrAMissingNameIs400() throws Exception {
        HttpResponse<String> badRole = kit.post("/api/v1/users", Role.ADMIN, "{\"name\":\"erin\",\"role\":\"boss\"}");
        HttpResponse<String> taken = kit.post("/api/v1/users", Role.ADMIN, "{\"name\":\"viewer\",\"role\":\"admin\"}");
        HttpResponse<String> noName = kit.post("/api/v1/users", Role.ADMIN, "{\"role\":\"admin\"}");
        HttpResponse<String> unknownField = kit.post("/api/v1/users", Role.ADMIN,
                "{\"name\":\"erin\",\"role\":\"admin\",\"rolle\":\"x\"}");

        assertError(badRole, 400, "invalid_input");
        assertThat(json(badRole).path("message").asText()).contains("boss");
        assertError(taken, 400, "invalid_input");
        assertThat(json(taken).path("message").asText()).contains("'viewer' exists");
        assertError(noName, 400, "bad_body");
        assertError(unknownField, 400, "bad_body");
        assertThat(kit.store.users().find("erin")).isEmpty();
    }

    @Test
    void usersAreListedByNameAPageAtATimeWithACursor() throws Exception {
        JsonNode first = json(kit.get("/api/v1/users?limit=3", Role.ADMIN));

        assertThat(first.path("items").findValuesAsText("name")).containsExactly("admin", "approver", "deployer");
        String cursor = first.path("nextCursor").asText();
        JsonNode second = json(kit.get("/api/v1/users?limit=3&cursor=" + cursor, Role.ADMIN));
        assertThat(second.path("items").findValuesAsText("name")).containsExactly("viewer");
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertError(kit.get("/api/v1/users?limit=0", Role.ADMIN), 400, "bad_query");
        HttpResponse<String> badCursor = kit.get("/api/v1/users?cursor=nobody", Role.ADMIN);
        assertError(badCursor, 400, "bad_query");
        assertThat(json(badCursor).path("details").path("parameter").asText()).isEqualTo("cursor");
    }

    @Test
    void disablingAUserStopsTheirTokenAtOnce() throws Exception {
        HttpResponse<String> disabled = kit.post("/api/v1/users/viewer/disable", Role.ADMIN, "");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).path("disabled").asBoolean()).isTrue();
        assertError(kit.get("/api/v1/services", Role.VIEWER), 401, "unauthenticated");
        assertError(kit.post("/api/v1/users/nobody/disable", Role.ADMIN, ""), 404, "not_found");
    }

    @Test
    void aCreatedTokenIsAnsweredOnceWorksAndIsListedWithoutItsValue() throws Exception {
        HttpResponse<String> created = kit.post("/api/v1/tokens", Role.ADMIN,
                "{\"user\":\"viewer\",\"name\":\"ci\",\"expires\":\"30d\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        String value = json(created).path("token").asText();
        assertThat(value).startsWith("shp_");
        HttpResponse<String> used = kit.send(kit.request("/api/v1/services", null)
                .header("Authorization", "Bearer " + value).GET().build());
        assertThat(used.statusCode()).isEqualTo(200);
        HttpResponse<String> list = kit.get("/api/v1/tokens?user=viewer", Role.ADMIN);
        assertThat(json(list).path("items").findValuesAsText("name")).containsExactly("test", "ci");
        assertThat(list.body()).doesNotContain(value);
    }

    @Test
    void aRevokedTokenStopsWorkingAndAnUnknownOneIs404() throws Exception {
        String id = json(kit.get("/api/v1/tokens?user=viewer", Role.ADMIN)).path("items").get(0).path("id").asText();

        HttpResponse<String> revoked = kit.post("/api/v1/tokens/" + id + "/revoke", Role.ADMIN, "");

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).path("state").asText()).isEqualTo("revoked");
        assertError(kit.get("/api/v1/services", Role.VIEWER), 401, "unauthenticated");
        assertError(kit.post("/api/v1/tokens/tok_nothing/revoke", Role.ADMIN, ""), 404, "not_found");
    }

    @Test
    void aTokenWithABadValidityOrForAnUnknownUserIsRefused() throws Exception {
        assertError(kit.post("/api/v1/tokens", Role.ADMIN, "{\"user\":\"viewer\",\"name\":\"ci\",\"expires\":\"soon\"}"),
                400, "bad_body");
        assertError(kit.post("/api/v1/tokens", Role.ADMIN, "{\"user\":\"nobody\",\"name\":\"ci\"}"), 404, "not_found");
        assertError(kit.post("/api/v1/tokens", Role.APPROVER, "{\"user\":\"approver\",\"name\":\"ci\"}"), 403,
                "forbidden");
    }

    @Test
    void userAndTokenChangesAreAuditedWithTheirTargetAndNeverTheSecret() throws Exception {
        kit.post("/api/v1/users", Role.ADMIN, "{\"name\":\"erin\",\"role\":\"viewer\",\"password\":\"s3cret-passphrase-long\"}");
        String value = json(kit.post("/api/v1/tokens", Role.ADMIN, "{\"user\":\"erin\",\"name\":\"ci\"}"))
                .path("token").asText();

        var entries = kit.store.audit().since(null);
        assertThat(entries).extracting(e -> e.record().action()).containsExactly("user add", "token create");
        assertThat(entries.get(0).record().target()).isEqualTo("user=erin role=viewer");
        assertThat(entries.get(1).record().target()).isEqualTo("user=erin name=ci expires=90d");
        assertThat(entries.toString()).doesNotContain("s3cret-passphrase-long").doesNotContain(value);
    }

}
