package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;

/** The runs a store holds. */
public final class Runs {

    private Runs() {
    }

    /** @throws ShipshapeException NOT_FOUND for an unknown run */
    public static RunRecord find(RunStore runs, String runId) {
        return runs.run(runId).orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND,
                "no run " + runId + "; list runs with: shipshape runs"));
    }
}
