package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Watches metrics for a while and passes, fails or cannot decide ({@code analysis:}).
 *
 * @param provider              {@code prometheus} or {@code probe}
 * @param address               Prometheus base URL (prometheus), else null
 * @param url                   the URL the probe provider requests (probe), else null
 * @param interval              time between measurements
 * @param duration              how long to measure, or null when {@code count} is given
 * @param count                 how many measurements, or null when {@code duration} is given
 * @param failureLimit          critical breaches tolerated before the analysis fails (0 = the first fails)
 * @param consecutiveErrorLimit measurements in a row that may error before the analysis is inconclusive
 * @param onInconclusive        fail the step or pause the run when the analysis cannot decide
 * @param rules                 the runbook's rollback rules, copied here by the loader so the step decides alone
 * @param httpMetrics           the names the built-in Prometheus templates query
 */
public record AnalysisStep(String provider, String address, String url, Duration interval, Duration duration,
                           Integer count, List<MetricCheck> metrics, int failureLimit, int consecutiveErrorLimit,
                           OnInconclusive onInconclusive, List<RollbackRule> rules, HttpMetrics httpMetrics,
                           StepOptions options) implements Step {

    public AnalysisStep {
        metrics = List.copyOf(metrics);
        httpMetrics = httpMetrics == null ? HttpMetrics.DEFAULT : httpMetrics;
        rules = List.copyOf(rules);
    }

    /** How many measurements the analysis takes: {@code count}, else one per interval over the duration. */
    public int measurements() {
        if (count != null) {
            return count;
        }
        return (int) Math.max(1, duration.toMillis() / Math.max(1, interval.toMillis()));
    }

    public AnalysisStep withRules(List<RollbackRule> table) {
        return new AnalysisStep(provider, address, url, interval, duration, count, metrics, failureLimit,
                consecutiveErrorLimit, onInconclusive, table, httpMetrics, options);
    }

    @Override
    public String kind() {
        return "analysis";
    }

    @Override
    public String summary() {
        String where = provider.equals("prometheus") ? address : url;
        return provider + " " + where + " every " + Durations.format(interval) + " x" + measurements() + ": "
                + String.join(", ", metrics.stream().map(MetricCheck::name).toList());
    }

    /** Measuring takes the whole analysis; allow that and a minute more. */
    @Override
    public Duration defaultTimeout() {
        return interval.multipliedBy(measurements()).plusMinutes(1);
    }

    /** Measuring changes nothing. */
    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public AnalysisStep mapStrings(UnaryOperator<String> f) {
        return new AnalysisStep(provider, address == null ? null : f.apply(address), url == null ? null : f.apply(url),
                interval, duration, count, metrics.stream().map(m -> m.mapStrings(f)).toList(), failureLimit,
                consecutiveErrorLimit, onInconclusive, rules, httpMetrics.mapStrings(f), options.mapStrings(f));
    }
}
