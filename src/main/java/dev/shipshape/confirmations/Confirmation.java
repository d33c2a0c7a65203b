package dev.shipshape.confirmations;

import java.time.Instant;

/**
 * A person's confirmation of a {@code confirm:} step: who (SHIPSHAPE_USER, else the OS user), when, and their note.
 *
 * @param note what they said, or null
 */
public record Confirmation(String runId, String stepId, String by, String note, Instant at) {

    /** As a step's outcome and {@code show} say it: {@code confirmed by bob at 2026-...Z: no new errors}. */
    public String describe() {
        return "confirmed by " + by + " at " + at + (note == null || note.isBlank() ? "" : ": " + note);
    }
}
