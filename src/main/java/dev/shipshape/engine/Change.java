package dev.shipshape.engine;

import java.time.Instant;

/**
 * Something that happened in a run. The engine hands each change to the {@link RunStore}, which
 * writes the new state and an event for it in one transaction, before the engine goes on; the
 * same values feed live progress. Messages never contain secret values (they are redacted first).
 */
public sealed interface Change {

    String runId();

    Instant at();

    /** The run moved to another status; {@code reason} says why (null when obvious). */
    record RunChanged(String runId, Instant at, RunStatus status, String reason) implements Change {
    }

    /** A stage moved to another state. */
    record StageChanged(String runId, Instant at, String stage, State state, String reason) implements Change {
    }

    /**
     * A step moved to another state.
     *
     * @param attempt        1-based attempt number
     * @param exitCode       the process exit code, or null
     * @param outputTail     the last part of the captured output (redacted), or null
     * @param outputSize     bytes of output seen in total (before truncation)
     * @param durationMillis time the attempt took, or null while running
     * @param message        what happened, e.g. {@code exit code 3 (expected 0)}
     * @param json           the step's JSON answer (redacted), for later conditions, or null
     */
    record StepChanged(String runId, Instant at, String stepId, State state, int attempt, Integer exitCode,
                       String outputTail, long outputSize, Long durationMillis, String message, String json)
            implements Change {

        public StepChanged(String runId, Instant at, String stepId, State state, int attempt, Integer exitCode,
                           String outputTail, long outputSize, Long durationMillis, String message) {
            this(runId, at, stepId, state, attempt, exitCode, outputTail, outputSize, durationMillis, message, null);
        }
    }

    /** A step's command started in a process group of its own (recorded before it can do anything). */
    record ProcessStarted(String runId, Instant at, String stepId, String host, long group) implements Change {
    }

    /** Anything else worth recording: lock taken, cancel requested, retry scheduled, resumed. */
    record Note(String runId, Instant at, String kind, String message) implements Change {
    }
}
