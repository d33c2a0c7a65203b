package dev.shipshape.store;

import dev.shipshape.engine.Change.RunChanged;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run that gets killed: creates a run in the embedded store under the given home, records it
 * as succeeded, says "recorded", then hangs until it is killed.
 */
public final class RecordThenHang {

    private RecordThenHang() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunStore store = Stores.open(null, Path.of(args[0]), Map.of());
        store.create(SampleRuns.deploy("r-1"));
        store.record(new RunChanged("r-1", SampleRuns.T0.plusSeconds(1), RunStatus.SUCCEEDED, null));
        System.out.println("recorded");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
