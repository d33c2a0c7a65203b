package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;
import dev.shipshape.runbook.condition.Condition;

/**
 * Options shared by all step kinds.
 *
 * @param name         optional name (also usable to address the step in {@code logs} and in conditions)
 * @param timeout      time limit of one attempt, or null for the default
 * @param retries      extra attempts after a failure (0 = try once)
 * @param backoff      wait before the first retry; doubles on each further retry
 * @param idempotent   whether a re-run is harmless; null = the kind's default
 * @param environments the environments the step runs in ({@code environments: [production]}); empty = every one
 * @param when         the condition under which the step runs ({@code when:}), or null: it always runs
 * @param repeat       how the step repeats ({@code repeat:}), or null: it runs once
 */
public record StepOptions(String name, Duration timeout, int retries, Duration backoff, Boolean idempotent,
                          List<String> environments, Condition when, Repeat repeat) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    public StepOptions {
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /** Options of a step that runs once. */
    public StepOptions(String name, Duration timeout, int retries, Duration backoff, Boolean idempotent,
                       List<String> environments, Condition when) {
        this(name, timeout, retries, backoff, idempotent, environments, when, null);
    }

    /** Options of a step that runs in every environment. */
    public StepOptions(String name, Duration timeout, int retries, Duration backoff, Boolean idempotent) {
        this(name, timeout, retries, backoff, idempotent, List.of(), null);
    }

    public static StepOptions defaults() {
        return new StepOptions(null, null, 0, DEFAULT_BACKOFF, null);
    }

    /** Whether the step runs in that environment. */
    public boolean runsIn(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    StepOptions mapStrings(java.util.function.UnaryOperator<String> f) {
        return new StepOptions(name == null ? null : f.apply(name), timeout, retries, backoff, idempotent,
                environments, when, repeat);
    }
}
