package dev.shipshape.runbook;

/** What a failed stage does to the rest of the run. */
public enum OnFailure {
    /** Undo this stage and every stage before it, in reverse order (the default). */
    ROLLBACK,
    /** End the run as failed, leaving things as they are. */
    STOP,
    /** Go on with the next stages; stages that need this one are skipped. */
    CONTINUE
}
