package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static dev.shipshape.server.ServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.users.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentRoutesTest {

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
    void eachEnvironmentShowsWhatIsLiveItsLockAndItsWindow() throws Exception {
        AreaRuns.deployed(kit, "shop", "staging", "1.4.0");

        JsonNode body = json(kit.get("/api/v1/services/shop/environments", Role.VIEWER));

        assertThat(body.path("service").asText()).isEqualTo("shop");
        JsonNode staging = body.path("environments").get(0);
        assertThat(staging.path("environment").asText()).isEqualTo("staging");
        assertThat(staging.path("live").path("version").asText()).isEqualTo("1.4.0");
        assertThat(staging.path("window").path("open").asBoolean()).isTrue();
        JsonNode production = body.path("environments").get(1);
        assertThat(production.path("live").isMissingNode()).isTrue();
        assertThat(production.path("window").path("reason").asText()).isNotBlank();
    }

    @Test
    void anUnknownServiceIs404() throws Exception {
        assertError(kit.get("/api/v1/services/nope/environments", Role.VIEWER), 404, "not_found");
    }
}
