package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunStatus;

/** The exit-code contract of the CLI (documented in README.md). */
public final class ExitCode {

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int ROLLED_BACK = 3;
    public static final int ROLLBACK_FAILED = 4;
    public static final int BLOCKED = 5;

    private ExitCode() {
    }

    static int of(RunStatus status) {
        return switch (status) {
            case SUCCEEDED, MONITORING -> SUCCEEDED;
            case ROLLED_BACK -> ROLLED_BACK;
            case ROLLBACK_FAILED -> ROLLBACK_FAILED;
            case FAILED, HALTED, RUNNING, ROLLING_BACK -> FAILED;
        };
    }

    static int of(ShipshapeException.Code code) {
        return switch (code) {
            case INVALID_INPUT, NOT_FOUND -> USAGE;
            case LOCKED, STORE, FAILED -> FAILED;
            case BLOCKED -> BLOCKED;
        };
    }
}
