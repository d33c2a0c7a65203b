package dev.shipshape.gates.promotion;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Soak evidence from recorded runs: a failed or rolled-back run of the service in the environment is a problem. */
public final class RunHistory implements SoakEvidence {

    /** Enough history for any soak people set (days), without reading a whole store. */
    private static final int LIMIT = 500;

    private final RunStore runs;

    public RunHistory(RunStore runs) {
        this.runs = runs;
    }

    @Override
    public Optional<Instant> succeededAt(String service, String environment, String version) {
        return runs.runs(service, environment, LIMIT).stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED && "deploy".equals(r.procedure())
                        && version.equals(r.version()) && r.finishedAt() != null)
                .map(RunRecord::finishedAt).max(Instant::compareTo);
    }

    @Override
    public List<String> problemsSince(String service, String environment, Instant since) {
        return runs.runs(service, environment, LIMIT).stream()
                .filter(r -> r.finishedAt() != null && r.finishedAt().isAfter(since))
                .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.ROLLED_BACK
                        || r.status() == RunStatus.ROLLBACK_FAILED)
                .map(r -> "run " + r.runId() + " (" + r.version() + ") " + r.status().label().replace('_', ' '))
                .toList();
    }
}
