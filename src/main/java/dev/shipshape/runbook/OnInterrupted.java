package dev.shipshape.runbook;

/**
 * What {@code resume} does when it finds a step that was running when the process died and that
 * is not marked idempotent (running it twice might do harm).
 */
public enum OnInterrupted {
    /** Stop and ask a person: {@code resume --rerun} or {@code resume --rollback} (the default). */
    ASK,
    /** Treat the step as failed and roll back. */
    ROLLBACK
}
