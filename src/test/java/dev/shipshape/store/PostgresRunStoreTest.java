package dev.shipshape.store;

import dev.shipshape.engine.RunStore;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real PostgreSQL, a fresh database per test. */
class PostgresRunStoreTest extends RunStoreContract {

    @TempDir
    Path home;

    @Override
    protected RunStore openStore() {
        return Stores.open(PostgresServer.get().createDatabase("store"), home, Map.of());
    }
}
