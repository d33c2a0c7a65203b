package dev.shipshape.engine;

/** The state of a whole run. The last four are final outcomes. */
public enum RunStatus {
    /** Stages are running. */
    RUNNING,
    /** A failure happened and rollback steps are running. */
    ROLLING_BACK,
    /** Stopped, waiting for a person (an interrupted step that is not idempotent). Resume decides. */
    HALTED,
    /**
     * Live, monitoring: the deployment's verification passed, its version is live and only monitoring is left; the
     * environment's lock is released, so a new deploy or a rollback may start (and ends the monitoring).
     */
    MONITORING,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK,
    ROLLBACK_FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK || this == ROLLBACK_FAILED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status a {@link #label()} (in any case) names, as events, documents and queries write it. */
    public static java.util.Optional<RunStatus> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(label)).findFirst();
    }
}
