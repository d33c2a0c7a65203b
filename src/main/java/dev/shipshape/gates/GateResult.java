package dev.shipshape.gates;

import java.time.Instant;
import java.util.Optional;

/**
 * One gate's decision with its reason, e.g. {@code window: Fri 2026-01-30 15:00 PST is inside the
 * denied window "Fri 14:00-24:00"}.
 *
 * @param gate    which gate: window, promotion, checklist
 * @param opensAt for a window that blocks or waits: when the next window opens (null if unknown)
 * @param detail  what the record keeps beyond the reason printed, which a table beside it already shows (the
 *                checklist's failed items with why each failed), or null
 */
public record GateResult(String gate, Verdict verdict, String reason, Instant opensAt, String detail) {

    public GateResult(String gate, Verdict verdict, String reason, Instant opensAt) {
        this(gate, verdict, reason, opensAt, null);
    }

    public static GateResult pass(String gate, String reason) {
        return new GateResult(gate, Verdict.PASS, reason, null);
    }

    public static GateResult block(String gate, String reason) {
        return new GateResult(gate, Verdict.BLOCK, reason, null);
    }

    public Optional<Instant> opensAtIfAny() {
        return Optional.ofNullable(opensAt);
    }

    /** The reason as recorded for {@code gates history}, where no table is printed beside it. */
    public String recordedReason() {
        return detail == null ? reason : reason + " (" + detail + ")";
    }

    public boolean blocks() {
        return verdict == Verdict.BLOCK;
    }
}
