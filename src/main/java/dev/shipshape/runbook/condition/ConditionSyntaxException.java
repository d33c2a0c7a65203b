package dev.shipshape.runbook.condition;

/** A condition that cannot be read, with where in its text the problem is. */
public final class ConditionSyntaxException extends RuntimeException {

    private final int offset;

    ConditionSyntaxException(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** 0-based offset into the condition's text. */
    public int offset() {
        return offset;
    }
}
