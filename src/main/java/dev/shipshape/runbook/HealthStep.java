package dev.shipshape.runbook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Polls a health endpoint until it is healthy a number of times in a row, or gives up
 * ({@code health:}). Healthy means a 2xx status and, when the body is the seeds' health JSON,
 * a healthy {@code status} and every boolean-like {@code checks.*} and {@code services.*} passing;
 * or, when the step says what healthy means, exactly the values it lists.
 *
 * @param interval  time between polls
 * @param within    how long to keep polling before the check fails
 * @param successes healthy answers in a row needed
 * @param healthy   expected values by JSON path ({@code services.database: connected}); empty for the seeds' shape
 * @param rules     the runbook's rollback rules (for {@code health failed}), copied here by the loader
 */
public record HealthStep(String url, Duration interval, Duration within, int successes,
                         Map<String, Object> healthy, List<RollbackRule> rules, StepOptions options) implements Step {

    public HealthStep {
        healthy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(healthy));
        rules = List.copyOf(rules);
    }

    public HealthStep withRules(List<RollbackRule> table) {
        return new HealthStep(url, interval, within, successes, healthy, table, options);
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
        Map<String, Object> mapped = new LinkedHashMap<>();
        healthy.forEach((k, v) -> mapped.put(k, v instanceof String s ? f.apply(s) : v));
        return new HealthStep(f.apply(url), interval, within, successes, mapped, rules, options.mapStrings(f));
    }
}
