package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Polls a health endpoint until it is healthy a number of times in a row, or gives up
 * ({@code health:}). Healthy means a 2xx status and, when the body is the seeds' health JSON,
 * {@code status: healthy} (or ok/up/pass) and every {@code checks.*} true.
 *
 * @param interval  time between polls
 * @param within    how long to keep polling before the check fails
 * @param successes healthy answers in a row needed
 * @param rules     the runbook's rollback rules (for {@code health failed}), copied here by the loader
 */
public record HealthStep(String url, Duration interval, Duration within, int successes, List<RollbackRule> rules,
                         StepOptions options) implements Step {

    public HealthStep {
        rules = List.copyOf(rules);
    }

    public HealthStep withRules(List<RollbackRule> table) {
        return new HealthStep(url, interval, within, successes, table, options);
    }

    @Override
    public String kind() {
        return "health";
    }

    @Override
    public String summary() {
        return "GET " + url + " until healthy x" + successes + " (every " + Durations.format(interval) + ", within "
                + Durations.format(within) + ")";
    }

    @Override
    public Duration defaultTimeout() {
        return within.plusSeconds(30);
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public HealthStep mapStrings(UnaryOperator<String> f) {
        return new HealthStep(f.apply(url), interval, within, successes, rules, options.mapStrings(f));
    }
}
