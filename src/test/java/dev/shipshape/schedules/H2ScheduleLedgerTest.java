package dev.shipshape.schedules;

import dev.shipshape.engine.testkit.ManualClock;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class H2ScheduleLedgerTest extends ScheduleLedgerContract {

    @TempDir
    Path home;

    @Override
    protected Store openStore(ManualClock clock) {
        return Store.open(null, home, Map.of(), clock);
    }
}
