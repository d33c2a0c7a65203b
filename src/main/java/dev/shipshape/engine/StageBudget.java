package dev.shipshape.engine;

import java.time.Duration;
import java.time.Instant;

/** A stage's time budget ({@code timeout:} on the stage) and when it runs out. */
record StageBudget(String stage, Duration total, Instant deadline) {

    static StageBudget of(String stage, Duration total, Instant start) {
        return total == null ? null : new StageBudget(stage, total, start.plus(total));
    }

    String usedUp() {
        return "stage " + stage + " used up its " + dev.shipshape.runbook.Durations.format(total);
    }
}
