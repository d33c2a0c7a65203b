package dev.shipshape.runbook;

import java.nio.file.Path;

/**
 * Reads a runbook file and checks it, collecting every problem before giving up.
 * The one way to obtain a {@link Runbook}.
 */
public final class RunbookLoader {

    /**
     * Loads and validates a runbook file.
     *
     * @throws InvalidRunbookException with every problem found (file, line, column, path, hint)
     * @throws dev.shipshape.ShipshapeException NOT_FOUND when the file does not exist
     */
    public Runbook load(Path file) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** Same as {@link #load(Path)} for text already read; {@code file} is used in messages and to resolve paths. */
    public Runbook parse(Path file, String text) {
        throw new UnsupportedOperationException("not yet written");
    }
}
