package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static dev.shipshape.server.ServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.users.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRoutesTest {

    @TempDir
    Path folder;
    ServerKit kit;

    @BeforeEach
    void start() throws Exception {
        kit = new ServerKit(folder);
        for (String name : new String[] {"erin", "frank", "grace"}) {
            kit.post("/api/v1/users", Role.ADMIN, "{\"name\":\"" + name + "\",\"role\":\"viewer\"}");
        }
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void theLogIsListedOldestFirstAPageAtATime() throws Exception {
        JsonNode first = json(kit.get("/api/v1/audit?since=7d&limit=2", Role.ADMIN));

        assertThat(first.path("items").findValuesAsText("target")).containsExactly("user=erin role=viewer",
                "user=frank role=viewer");
        assertThat(first.path("items").get(0).path("who").asText()).isEqualTo("admin");
        assertThat(first.path("items").get(0).path("outcome").asText()).startsWith("succeeded");
        JsonNode rest = json(kit.get("/api/v1/audit?since=7d&limit=2&cursor=" + first.path("nextCursor").asText(),
                Role.ADMIN));
        assertThat(rest.path("items").findValuesAsText("target")).containsExactly("user=grace role=viewer");
    }

    @Test
    void aBadSinceIs400AndAnApproverIsRefused() throws Exception {
        assertError(kit.get("/api/v1/audit?since=lately", Role.ADMIN), 400, "bad_query");
        assertError(kit.get("/api/v1/audit", Role.APPROVER), 403, "forbidden");
        assertError(kit.get("/api/v1/audit/verify", Role.APPROVER), 403, "forbidden");
    }

    @Test
    void verifyFindsTheChainIntact() throws Exception {
        JsonNode verified = json(kit.get("/api/v1/audit/verify", Role.ADMIN));

        assertThat(verified.path("intact").asBoolean()).isTrue();
        assertThat(verified.path("entries").asLong()).isEqualTo(3);
        assertThat(verified.path("head").asText()).hasSize(64);
    }

    @Test
    void verifyNamesTheFirstEntryEditedInTheStore() throws Exception {
        try (Connection sql = DriverManager.getConnection(AuditRoutesTest.h2(folder))) {
            sql.createStatement().executeUpdate("UPDATE audit_log SET outcome = 'failed (400 x)' WHERE seq = 2");
        }

        JsonNode verified = json(kit.get("/api/v1/audit/verify", Role.ADMIN));

        assertThat(verified.path("intact").asBoolean()).isFalse();
        assertThat(verified.path("brokenAt").asLong()).isEqualTo(2);
        assertThat(verified.path("reason").asText()).contains("entry 2");
    }

    static String h2(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve(".shipshape").resolve("store")
                + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0";
    }
}
