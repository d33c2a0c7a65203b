package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * One metric an analysis watches.
 *
 * @param name     e.g. {@code error-rate}, {@code p95-latency}; names a built-in template when no query is given
 * @param query    the provider's query (PromQL for Prometheus), or null for a built-in metric
 * @param warning  crossing it is reported (rules may alert), or null
 * @param critical crossing it fails the analysis, or null
 */
public record MetricCheck(String name, String query, Threshold warning, Threshold critical) {

    MetricCheck mapStrings(UnaryOperator<String> f) {
        return new MetricCheck(name, query == null ? null : f.apply(query), warning, critical);
    }
}
