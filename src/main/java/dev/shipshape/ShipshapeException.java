package dev.shipshape;

/**
 * The one exception family for failures that stop a command: each carries a {@link Code} that the
 * CLI maps to an exit code, and a message that says what went wrong, where, and what to do next.
 */
public class ShipshapeException extends RuntimeException {

    /** What kind of failure this is; decides the exit code. */
    public enum Code {
        /** The runbook or the command line is wrong: exit 2. */
        INVALID_INPUT,
        /** The environment is locked by another run: exit 1. */
        LOCKED,
        /** The store could not be opened or written: exit 1. */
        STORE,
        /** No such run, step or file: exit 2. */
        NOT_FOUND,
        /** Anything else that stopped the command: exit 1. */
        FAILED,
        /** A safety check refused to go on, e.g. unsafe migrations in a protected environment: exit 5. */
        BLOCKED
    }

    private final Code code;

    public ShipshapeException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ShipshapeException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
