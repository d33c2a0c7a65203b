package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 file store, plus what only the embedded store promises. */
class H2RunStoreTest extends RunStoreContract {

    @TempDir
    Path home;

    @Override
    protected RunStore openStore() {
        return Stores.open(null, home, Map.of());
    }

    @Test
    void embeddedStoreLivesInTheShipshapeFolderOfHome() {
        assertThat(home.resolve(".shipshape/store.mv.db")).isRegularFile();
    }

    @Test
    void runsSurviveClosingAndReopeningTheStore() {
        store().create(SampleRuns.deploy("r-1"));
        store().close();

        try (RunStore reopened = Stores.open(null, home, Map.of())) {
            assertThat(reopened.run("r-1")).isPresent();
            assertThat(reopened.steps("r-1")).hasSize(4);
        }
    }
}
