package dev.shipshape.engine;

import java.time.Instant;

/**
 * The repetitions of a repeating step as its events record them: how many started, when the first and the latest
 * started, and whether they are over. A resumed run derives the next one's due time from these.
 *
 * @param count how many repetitions started
 * @param first when the first started, or null
 * @param last  when the latest started, or null
 * @param over  whether the step stopped repeating
 */
record Repetitions(int count, Instant first, Instant last, boolean over) {

    /** The note recorded as a repetition starts: {@code STEP_ID repetition N ...}. */
    static final String STARTED = "step.repeat";
    /** The note recorded when a step stops repeating: {@code STEP_ID repeated N times ...}. */
    static final String OVER = "step.repeated";

    static final Repetitions NONE = new Repetitions(0, null, null, false);

    Repetitions started(Instant at) {
        return new Repetitions(count + 1, first == null ? at : first, at, false);
    }

    Repetitions ended() {
        return new Repetitions(count, first, last, true);
    }

    /** Whether a step started repeating and has not stopped: a resume continues it. */
    boolean unfinished() {
        return count > 0 && !over;
    }
}
