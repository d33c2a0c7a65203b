package dev.shipshape.analysis;

import dev.shipshape.runbook.MetricCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where metric values come from (Prometheus, Shipshape's own probe requests). One package per
 * implementation; the analysis loop and the assessment do not care which.
 */
public interface MetricProvider extends AutoCloseable {

    /**
     * Measures each metric once. Never throws for an expected failure (unreachable, bad query, no
     * data): such a metric gets an error sample. Returns within {@code limit}.
     */
    List<Sample> measure(List<MetricCheck> metrics, Instant at, Duration limit);

    /** Stops anything running in the background; the default has nothing to stop. */
    @Override
    default void close() {
    }
}
