package dev.shipshape.gates.checklist;

/** One checklist item's outcome, e.g. {@code NEXTAUTH_SECRET has 12 characters; needs at least 32}. */
public record ItemResult(String item, String kind, boolean passed, String reason) {

    static ItemResult pass(String item, String kind, String reason) {
        return new ItemResult(item, kind, true, reason);
    }

    static ItemResult fail(String item, String kind, String reason) {
        return new ItemResult(item, kind, false, reason);
    }
}
