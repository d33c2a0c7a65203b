package dev.shipshape.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.runbook.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static final Instant T = Instant.parse("2025-01-04T12:03:05Z");
    private static final MetricCheck ERRORS = new MetricCheck("error-rate", null, threshold("> 0.05"), threshold("> 0.10"));
    private static final MetricCheck P95 = new MetricCheck("p95-latency", null, null, threshold("> 2s"));

    private static Threshold threshold(String text) {
        return Threshold.parse(text).orElseThrow();
    }

    private final Assessment assessment = new Assessment(List.of(ERRORS, P95), 0, 2);

    @Test
    void failsAtTheFirstCriticalBreachWithValueThresholdAndTime() {
        Optional<Verdict> verdict = assessment.assess(List.of(Sample.of("error-rate", T, 0.02),
                Sample.of("p95-latency", T, 0.3), Sample.of("error-rate", T.plusSeconds(5), 0.12)), false);

        assertThat(verdict).get().extracting(Verdict::outcome, Verdict::reason)
                .containsExactly(Verdict.Outcome.FAILED, "error rate 0.12 > 0.10 (critical) at 12:03:10");
    }

    @Test
    void showsLatencyInTheThresholdsUnit() {
        Optional<Verdict> verdict = assessment.assess(List.of(Sample.of("p95-latency", T, 2.35)), false);

        assertThat(verdict.orElseThrow().reason()).isEqualTo("p95 latency 2.35s > 2s (critical) at 12:03:05");
    }

    @Test
    void toleratesCriticalBreachesUpToTheFailureLimit() {
        Assessment tolerant = new Assessment(List.of(ERRORS), 1, 2);
        List<Sample> one = List.of(Sample.of("error-rate", T, 0.2));

        assertThat(tolerant.assess(one, false)).isEmpty();
        assertThat(tolerant.assess(List.of(one.get(0), Sample.of("error-rate", T.plusSeconds(5), 0.3)), false)
                .orElseThrow().reason()).isEqualTo("error rate 0.3 > 0.10 (critical) at 12:03:10 (2 critical breaches, limit 1)");
    }

    @Test
    void waitsForEveryMeasurementBeforePassing() {
        List<Sample> fine = List.of(Sample.of("error-rate", T, 0.01), Sample.of("p95-latency", T, 0.2));

        assertThat(assessment.assess(fine, false)).isEmpty();
        assertThat(assessment.assess(fine, true)).get().extracting(Verdict::outcome, Verdict::reason)
                .containsExactly(Verdict.Outcome.PASSED, "2 metrics within thresholds over 2 samples");
    }

    @Test
    void passesWithAWarningNoted() {
        Verdict verdict = assessment.assess(List.of(Sample.of("error-rate", T, 0.07), Sample.of("p95-latency", T, 0.2)),
                true).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASSED);
        assertThat(verdict.reason()).endsWith("; warning: error rate 0.07 > 0.05 (warning) at 12:03:05");
        assertThat(verdict.findings()).extracting(Finding::condition).containsExactly("error-rate warning");
    }

    @Test
    void isInconclusiveWhenAMetricErrsMoreTimesInARowThanAllowed() {
        List<Sample> errors = List.of(Sample.failed("error-rate", T, "connection refused"),
                Sample.failed("error-rate", T, "connection refused"), Sample.failed("error-rate", T, "connection refused"));

        assertThat(assessment.assess(errors.subList(0, 2), false)).isEmpty();
        assertThat(assessment.assess(errors, false)).get().extracting(Verdict::outcome, Verdict::reason).containsExactly(
                Verdict.Outcome.INCONCLUSIVE, "error-rate could not be measured 3 times in a row: connection refused");
    }

    @Test
    void isInconclusiveWithoutAnyDataForAMetric() {
        Verdict verdict = assessment.assess(List.of(Sample.of("error-rate", T, 0.01),
                Sample.failed("p95-latency", T, "no series")), true).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(verdict.reason()).isEqualTo("no data for p95-latency: no series");
    }
}
