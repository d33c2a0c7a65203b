package dev.shipshape.gates;

/** What a gate decided about starting a deployment now. */
public enum Verdict {
    /** The deployment may start. */
    PASS,
    /** Not now, but soon enough that the runbook says to wait (a window opens within {@code wait_for_window}). */
    WAIT,
    /** The deployment must not start: exit 5. */
    BLOCK,
    /** A window blocked, and a person overrode it with a reason (and, where required, an approval). */
    OVERRIDDEN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
