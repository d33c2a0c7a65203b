package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;

/**
 * A named operational procedure ({@code procedures:}): what to do when something goes wrong, e.g. a connection
 * pool exhausted. It runs as a run of its own ({@code shipshape run NAME --env E}), with the environment's lock,
 * secrets and database, and never changes the version live in the environment.
 *
 * @param description what the procedure is for, shown by {@code shipshape procedures}
 * @param when        the situation it answers, in words (e.g. {@code db-connections critical}), used to suggest
 *                    it; null when not given
 * @param steps       its steps, run in order like a stage's
 * @param timeout     budget for the whole procedure, or null for none
 */
public record Procedure(String name, String description, String when, List<Step> steps, Duration timeout) {

    public Procedure {
        steps = List.copyOf(steps);
    }
}
