package dev.shipshape.engine;

/** What resume does with an interrupted step that is not idempotent. */
public enum ResumeChoice {
    /** Follow the runbook's {@code on_interrupted} policy. */
    POLICY,
    /** A person checked: run the step again. */
    RERUN,
    /** A person decided: treat the step as failed and roll back. */
    ROLLBACK
}
