package dev.shipshape.engine;

import dev.shipshape.plan.PlannedStage;
import java.util.Optional;

/**
 * Something that watches a stage while it runs (the zero-downtime probe). The engine starts it when
 * the stage starts and stops it when the stage's steps are done; what it saw can still fail the stage.
 */
public interface StageWatch {

    /** A watch in progress. */
    interface Watching {
        /** Stops watching; the reason the stage must fail, or empty when it may pass. */
        Optional<String> stop();
    }

    /** @param secrets reveals secret references in what the watch requests, and redacts what it reports */
    Watching start(String runId, PlannedStage stage, Secrets secrets);

    /** Watches nothing. */
    StageWatch NONE = (runId, stage, secrets) -> Optional::empty;
}
