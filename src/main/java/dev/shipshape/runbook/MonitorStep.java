package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Post-deployment monitoring ({@code monitor:}): the same metrics analysed over successive windows
 * (seed 001's tiers: 0-5 min, 5-30 min, 30 min-2 h, 2-24 h), each with its own interval, and a
 * sign-off rule such as "error rate below 1 % for 30 minutes" that ends monitoring and marks the
 * deployment signed off. A window that fails is handled like a failed analysis.
 *
 * @param analysis the provider, metrics, limits and rules; its interval and duration are unused
 * @param signOff  when the deployment counts as signed off, or null
 */
public record MonitorStep(AnalysisStep analysis, List<Window> windows, SignOff signOff, StepOptions options)
        implements Step {

    /** One tier of monitoring: how long, and how often to measure. */
    public record Window(String name, Duration duration, Duration interval) {
    }

    /**
     * Signed off once {@code metric} has stayed within {@code condition} for {@code holdFor}; the sign-off ends the
     * windows named in {@code ends} (every window when empty), and the others still run.
     */
    public record SignOff(String metric, Threshold condition, Duration holdFor, List<String> ends) {
        public SignOff {
            ends = ends == null ? List.of() : List.copyOf(ends);
        }

        public SignOff(String metric, Threshold condition, Duration holdFor) {
            this(metric, condition, holdFor, List.of());
        }

        public String describe() {
            return metric.replace('-', ' ') + " " + condition.text() + " for " + Durations.format(holdFor);
        }

        /** Whether a sign-off ends this window. */
        public boolean ends(String window) {
            return ends.isEmpty() || ends.contains(window);
        }
    }

    public MonitorStep {
        windows = List.copyOf(windows);
    }

    /** The analysis of one window. */
    public AnalysisStep window(Window window) {
        AnalysisStep a = analysis;
        return new AnalysisStep(a.provider(), a.address(), a.url(), window.interval(), window.duration(), null,
                a.metrics(), a.failureLimit(), a.consecutiveErrorLimit(), a.onInconclusive(), a.rules(), a.httpMetrics(), options);
    }

    public MonitorStep withRules(List<RollbackRule> table) {
        return new MonitorStep(analysis.withRules(table), windows, signOff, options);
    }

    @Override
    public String kind() {
        return "monitor";
    }

    @Override
    public String summary() {
        return analysis.provider() + " " + (analysis.address() != null ? analysis.address() : analysis.url()) + " over "
                + String.join(", ", windows.stream().map(Window::name).toList())
                + (signOff != null ? "; sign off at " + signOff.describe() : "");
    }

    @Override
    public Duration defaultTimeout() {
        return windows.stream().map(Window::duration).reduce(Duration.ZERO, Duration::plus).plusMinutes(1);
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public MonitorStep mapStrings(UnaryOperator<String> f) {
        return new MonitorStep(analysis.mapStrings(f), windows, signOff, options.mapStrings(f));
    }
}
