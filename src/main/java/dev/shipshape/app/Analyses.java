package dev.shipshape.app;

import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.runbook.Masked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's verification saw, for charts: each metric's samples against its thresholds, the results (secret
 * references masked) and the probes.
 */
public final class Analyses {

    /** One metric of one analysis step, its samples in order, with the thresholds of its latest sample. */
    public record Series(String stepId, String metric, Double warning, Double critical, List<Point> samples) {
    }

    /** @param value null when the sample could not be taken; {@code error} then says why */
    public record Point(Instant at, Double value, String error) {
    }

    public record RunAnalyses(String runId, List<Series> series, List<VerificationLog.StoredResult> results,
                              List<ProbeReport> probes) {
    }

    private final StoreAccess store;

    Analyses(StoreAccess store) {
        this.store = store;
    }

    /**
     * @throws dev.shipshape.ShipshapeException NOT_FOUND for an unknown run
     */
    public RunAnalyses of(String runId) {
        return store.use(s -> {
            Runs.find(s.runs(), runId);
            VerificationLog log = s.verification();
            List<VerificationLog.StoredResult> results = log.results(runId).stream().map(r ->
                    new VerificationLog.StoredResult(r.runId(), r.stepId(), r.kind(), r.outcome(),
                            Masked.of(r.reason()), r.passed(), r.total(), r.at())).toList();
            return new RunAnalyses(runId, series(log.samples(runId)), results, log.probes(runId));
        });
    }

    private static List<Series> series(List<VerificationLog.StoredSample> samples) {
        Map<List<String>, List<VerificationLog.StoredSample>> byMetric = new LinkedHashMap<>();
        samples.forEach(s -> byMetric.computeIfAbsent(List.of(s.stepId(), s.metric()), k -> new ArrayList<>()).add(s));
        return byMetric.values().stream().map(Analyses::ofMetric).toList();
    }

    private static Series ofMetric(List<VerificationLog.StoredSample> samples) {
        VerificationLog.StoredSample last = samples.getLast();
        return new Series(last.stepId(), last.metric(), last.warning(), last.critical(), samples.stream()
                .map(s -> new Point(s.at(), s.value(), s.error())).toList());
    }
}
