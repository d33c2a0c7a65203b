package dev.shipshape.runbook;

/** What an analysis that could not decide does to the run: it never promotes. */
public enum OnInconclusive {
    /** The step fails, and the stage's on_failure applies (roll back by default). */
    FAIL,
    /** The run halts for a person; {@code shipshape resume RUN_ID} decides. */
    PAUSE
}
