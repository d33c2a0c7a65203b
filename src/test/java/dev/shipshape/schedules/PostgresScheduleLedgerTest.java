package dev.shipshape.schedules;

import dev.shipshape.engine.testkit.ManualClock;
import dev.shipshape.store.Store;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class PostgresScheduleLedgerTest extends ScheduleLedgerContract {

    @TempDir
    Path home;

    @Override
    protected Store openStore(ManualClock clock) {
        return Store.open(PostgresServer.get().createDatabase("schedules"), home, Map.of(), clock);
    }
}
