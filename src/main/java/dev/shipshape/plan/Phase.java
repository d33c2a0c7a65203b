package dev.shipshape.plan;

/** Where a step belongs in a run. */
public enum Phase {
    /** The stage's own steps. */
    MAIN,
    /** Steps that undo the stage. */
    ROLLBACK,
    /** The runbook's {@code always:} steps, run at the end of every run. */
    ALWAYS
}
