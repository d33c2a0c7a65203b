package dev.shipshape.runbook;

import java.time.Duration;

/**
 * Options shared by all step kinds.
 *
 * @param name       optional name (also usable to address the step in {@code logs})
 * @param timeout    time limit of one attempt, or null for the default
 * @param retries    extra attempts after a failure (0 = try once)
 * @param backoff    wait before the first retry; doubles on each further retry
 * @param idempotent whether a re-run is harmless; null = the kind's default
 */
public record StepOptions(String name, Duration timeout, int retries, Duration backoff, Boolean idempotent) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    public static StepOptions defaults() {
        return new StepOptions(null, null, 0, DEFAULT_BACKOFF, null);
    }

    StepOptions mapStrings(java.util.function.UnaryOperator<String> f) {
        return new StepOptions(name == null ? null : f.apply(name), timeout, retries, backoff, idempotent);
    }
}
