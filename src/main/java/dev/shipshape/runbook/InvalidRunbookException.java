package dev.shipshape.runbook;

import dev.shipshape.ShipshapeException;
import java.util.List;

/** A runbook that cannot be used, with every problem found in it. */
public final class InvalidRunbookException extends ShipshapeException {

    private final List<Problem> problems;

    public InvalidRunbookException(String file, List<Problem> problems) {
        super(Code.INVALID_INPUT, file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
