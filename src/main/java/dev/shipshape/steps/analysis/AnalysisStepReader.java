package dev.shipshape.steps.analysis;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.Suggestions;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.HttpMetrics;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.runbook.OnInconclusive;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code analysis:} step: the provider and where it reads from, how often and how long to
 * measure, and the metrics with their thresholds. Thresholds are parsed here, so a bad one is a
 * load problem with its line, not a surprise mid-deployment.
 */
final class AnalysisStepReader implements KindReader {

    private static final List<String> KEYS = List.of("provider", "address", "url", "interval", "duration", "count",
            "metrics", "failure_limit", "consecutive_error_limit", "on_inconclusive", "http_metrics");
    private static final List<String> PROVIDERS = List.of("prometheus", "probe");
    /** Metrics the probe provider computes from its own requests; Prometheus has templates for the same names. */
    static final List<String> BUILT_IN = List.of("error-rate", "p50-latency", "p95-latency", "p99-latency");

    private final Values values;

    AnalysisStepReader(Values values) {
        this.values = values;
    }

    @Override
    public String kind() {
        return "analysis";
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public Optional<Step> read(Fields step, StepOptions options) {
        return step.required("analysis").flatMap(n -> Fields.of(n, step.path("analysis"), values,
                "a map with provider, interval, duration and metrics")).flatMap(f -> analysis(f, options, List.of(), true));
    }

    /**
     * The analysis part of an analysis or monitor step.
     *
     * @param extraKeys keys the caller reads itself
     * @param timed     whether interval and duration or count belong here (a monitor has windows instead)
     */
    Optional<Step> analysis(Fields f, StepOptions options, List<String> extraKeys, boolean timed) {
        f.allowOnly(timed ? KEYS : java.util.stream.Stream.concat(KEYS.stream()
                .filter(k -> !List.of("interval", "duration", "count").contains(k)), extraKeys.stream()).toList());
        Optional<String> provider = f.required("provider").flatMap(n -> values.string(n, f.path("provider")))
                .filter(p -> known(f, p));
        String address = provider.filter("prometheus"::equals).flatMap(p -> Checks.url(f, values, "address"))
                .orElse(null);
        String url = provider.filter("probe"::equals).flatMap(p -> Checks.url(f, values, "url")).orElse(null);
        Duration interval = Checks.positive(f, values, "interval").orElse(Duration.ofSeconds(10));
        Optional<Duration> duration = Checks.positive(f, values, "duration");
        Optional<Integer> count = Checks.atLeast(f, values, "count", 1);
        if (timed && duration.isEmpty() && count.isEmpty() && f.optional("duration").isEmpty() && f.optional("count").isEmpty()) {
            values.problems().add(f.mapping(), f.path(), "missing 'duration' or 'count'", "e.g. duration: 2m");
        }
        List<MetricCheck> metrics = f.required("metrics")
                .map(n -> metrics(n, f.path("metrics"), provider.orElse(""))).orElse(List.of());
        int failureLimit = Checks.atLeast(f, values, "failure_limit", 0).orElse(0);
        int errorLimit = Checks.atLeast(f, values, "consecutive_error_limit", 0).orElse(2);
        OnInconclusive onInconclusive = f.choice("on_inconclusive", OnInconclusive.class).orElse(OnInconclusive.FAIL);
        HttpMetrics names = new HttpMetricsReader(values).read(f, provider.orElse("prometheus"));
        return provider.map(p -> new AnalysisStep(p, address, url, interval, duration.orElse(null),
                count.orElse(null), metrics, failureLimit, errorLimit, onInconclusive, List.of(), names, options));
    }

    private boolean known(Fields f, String provider) {
        if (PROVIDERS.contains(provider)) {
            return true;
        }
        values.problems().add(f.node("provider").orElseThrow(), f.path("provider"), "unknown provider '" + provider
                + "'; expected " + String.join(" or ", PROVIDERS), Suggestions.hint(provider, PROVIDERS));
        return false;
    }

    private List<MetricCheck> metrics(Node node, String path, String provider) {
        List<Node> items = values.list(node, path, "a list of metrics");
        if (items.isEmpty() && node instanceof Node.Sequence) {
            values.problems().add(node, path, "an analysis needs at least one metric");
        }
        List<MetricCheck> metrics = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields.of(items.get(i), Problems.item(path, i), values, "a metric (a map with name and thresholds)")
                    .flatMap(m -> metric(m, provider)).ifPresent(metrics::add);
        }
        return metrics;
    }

    private Optional<MetricCheck> metric(Fields m, String provider) {
        m.allowOnly(List.of("name", "query", "warning", "critical"));
        Optional<String> name = m.required("name").flatMap(n -> values.string(n, m.path("name")));
        String query = m.string("query").orElse(null);
        if (name.isPresent() && (provider.equals("probe") || query == null) && !BUILT_IN.contains(name.get())) {
            values.problems().add(m.node("name").orElseThrow(), m.path("name"), "'" + name.get()
                    + "' is not a built-in metric" + (provider.equals("probe") ? " of the probe provider" : "")
                    + "; expected one of: " + String.join(", ", BUILT_IN)
                    + (provider.equals("prometheus") ? ", or give a query" : ""),
                    Suggestions.closest(name.get(), BUILT_IN).map(s -> "did you mean '" + s + "'?").orElse(null));
        }
        Threshold warning = threshold(m, "warning");
        Threshold critical = threshold(m, "critical");
        if (m.optional("warning").isEmpty() && m.optional("critical").isEmpty()) {
            values.problems().add(m.mapping(), m.path(), "a metric needs a 'warning' or 'critical' threshold",
                    "e.g. critical: \"> 0.10\"");
        }
        return name.map(n -> new MetricCheck(n, query, warning, critical));
    }

    Threshold threshold(Fields m, String key) {
        return m.string(key).flatMap(text -> {
            Optional<Threshold> parsed = Threshold.parse(text);
            if (parsed.isEmpty()) {
                values.problems().add(m.node(key).orElseThrow(), m.path(key), "'" + text
                        + "' is not a threshold; write a comparison and a number, e.g. \"> 0.05\", \">= 2\", \"> 2s\", \"> 5%\"");
            }
            return parsed;
        }).orElse(null);
    }
}
