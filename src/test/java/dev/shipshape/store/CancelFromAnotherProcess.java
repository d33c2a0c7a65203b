package dev.shipshape.store;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code shipshape cancel RUN_ID} does from another terminal, as a process of its own:
 * opens the embedded store under the given home, reads the run and asks it to stop.
 * Prints the run's status; exits 3 when the run is not there.
 */
public final class CancelFromAnotherProcess {

    private CancelFromAnotherProcess() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        String runId = args[1];
        try (RunStore store = Stores.open(null, home, Map.of())) {
            RunRecord run = store.run(runId).orElse(null);
            if (run == null) {
                System.exit(3);
            }
            store.requestCancel(runId, "bob", "from another terminal", Instant.now());
            System.out.println(run.status());
        }
    }
}
