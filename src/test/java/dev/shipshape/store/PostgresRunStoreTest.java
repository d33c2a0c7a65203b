package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.engine.RunStore;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real PostgreSQL, a fresh database per test, plus how credentials are found. */
class PostgresRunStoreTest extends RunStoreContract {

    @TempDir
    Path home;

    @Override
    protected RunStore openStore() {
        return Stores.open(PostgresServer.get().createDatabase("store"), home, Map.of());
    }

    @Test
    void userAndPasswordMayComeFromTheEnvironment() {
        PostgresServer server = PostgresServer.get();
        String withCredentials = server.createDatabase("env_credentials");
        String bare = withCredentials.substring(0, withCredentials.indexOf('?'));
        Map<String, String> env = Map.of("SHIPSHAPE_STORE_USER", server.user(),
                "SHIPSHAPE_STORE_PASSWORD", server.password());

        try (RunStore store = Stores.open(bare, home, env)) {
            store.create(SampleRuns.deploy("r-1"));
            assertThat(store.run("r-1")).isPresent();
        }
    }

    @Test
    void missingDatabaseIsAStoreErrorNamingIt() {
        PostgresServer server = PostgresServer.get();
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/no_such_db?user="
                + server.user() + "&password=" + server.password();

        assertThatThrownBy(() -> Stores.open(url, home, Map.of()))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.STORE);
                    assertThat(e.getMessage()).contains("no_such_db").doesNotContain(server.password())
                            .doesNotContain("\n");
                });
    }

    @Test
    void secondStoreOnTheSameDatabaseSeesTheSameRuns() {
        String url = PostgresServer.get().createDatabase("shared");
        try (RunStore first = Stores.open(url, home, Map.of()); RunStore second = Stores.open(url, home, Map.of())) {
            first.create(SampleRuns.deploy("r-1"));
            second.requestCancel("r-1", "bob", "stop", SampleRuns.T0);
            assertThat(first.cancelRequest("r-1")).contains("bob: stop");
        }
    }
}
