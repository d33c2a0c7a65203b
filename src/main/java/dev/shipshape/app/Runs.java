package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import java.util.List;

/** The runs a store holds: listed newest first, or one by its id. */
public final class Runs {

    /** @param service only this service, or null; {@code environment} likewise; at most {@code limit} runs */
    public record ListRequest(String service, String environment, int limit) {
    }

    private final StoreAccess store;

    Runs(StoreAccess store) {
        this.store = store;
    }

    /** Newest first; none when there is no store yet (nothing is created to read it). */
    public List<RunRecord> list(ListRequest request) {
        return store.readIfExists(s -> s.runs().runs(request.service(), request.environment(), request.limit()))
                .orElse(List.of());
    }

    /** @throws ShipshapeException NOT_FOUND for an unknown run */
    public RunRecord show(String runId) {
        return store.use(s -> find(s.runs(), runId));
    }

    /** @throws ShipshapeException NOT_FOUND for an unknown run */
    public static RunRecord find(RunStore runs, String runId) {
        return runs.run(runId).orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND,
                "no run " + runId + "; list runs with: shipshape runs"));
    }
}
