package dev.shipshape.tokens;

import dev.shipshape.engine.testkit.ManualClock;
import dev.shipshape.store.Store;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class PostgresTokensTest extends TokensContract {

    @TempDir
    Path home;

    @Override
    protected Store openStore(ManualClock clock) {
        return Store.open(PostgresServer.get().createDatabase("tokens"), home, Map.of(), clock);
    }
}
