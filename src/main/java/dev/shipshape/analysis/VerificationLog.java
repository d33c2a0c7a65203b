package dev.shipshape.analysis;

import java.time.Instant;
import java.util.List;

/**
 * Where verification leaves its evidence: every analysis sample (so a dashboard can chart each metric
 * against its thresholds), each verification step's result and each zero-downtime probe's report. Implemented by the store.
 */
public interface VerificationLog {

    /** One stored sample, with the thresholds in force (null where none). */
    record StoredSample(String runId, String stepId, String metric, Instant at, Double value, String error,
                        Double warning, Double critical) {
    }

    /**
     * One verification step's result.
     *
     * @param kind    analysis, health or smoke
     * @param outcome passed, failed or inconclusive (paused steps keep the analysis outcome)
     * @param passed  smoke flows passed (smoke only, else 0)
     * @param total   smoke flows run (smoke only, else 0)
     */
    record StoredResult(String runId, String stepId, String kind, String outcome, String reason, int passed,
                        int total, Instant at) {
    }

    void sample(StoredSample sample);

    void result(StoredResult result);

    List<StoredSample> samples(String runId);

    List<StoredResult> results(String runId);

    /** Stores what a stage's zero-downtime probe saw. */
    void probe(ProbeReport report);

    List<ProbeReport> probes(String runId);

    /** Keeps nothing: for tests and tools that have no store. */
    VerificationLog NONE = new VerificationLog() {
        @Override
        public void sample(StoredSample sample) {
        }

        @Override
        public void result(StoredResult result) {
        }

        @Override
        public List<StoredSample> samples(String runId) {
            return List.of();
        }

        @Override
        public List<StoredResult> results(String runId) {
            return List.of();
        }

        @Override
        public void probe(ProbeReport report) {
        }

        @Override
        public List<ProbeReport> probes(String runId) {
            return List.of();
        }
    };
}
