package dev.shipshape.runbook;

import java.time.Duration;

/**
 * The zero-downtime probe of a stage ({@code probe:}): requests {@code url} every {@code interval}
 * while the stage runs.
 *
 * @param maxFailures failed requests tolerated, or null for no limit
 * @param maxOutage   the longest run of failures tolerated, or null for no limit
 */
public record StageProbe(String url, Duration interval, Integer maxFailures, Duration maxOutage) {

    StageProbe mapStrings(java.util.function.UnaryOperator<String> f) {
        return new StageProbe(f.apply(url), interval, maxFailures, maxOutage);
    }

    /** Whether the probe can fail the stage. */
    public boolean gates() {
        return maxFailures != null || maxOutage != null;
    }
}
