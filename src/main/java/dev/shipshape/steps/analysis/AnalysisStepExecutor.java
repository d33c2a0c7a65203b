package dev.shipshape.steps.analysis;

import dev.shipshape.analysis.Assessment;
import dev.shipshape.analysis.MetricProvider;
import dev.shipshape.analysis.Sample;
import dev.shipshape.analysis.Verdict;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.analysis.prometheus.PrometheusProvider;
import dev.shipshape.analysis.probe.ProbeProvider;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.steps.kit.Waiting;
import dev.shipshape.http.Exchanges;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.time.Ticks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an {@code analysis:} step: measures every interval, stores each sample, stops as soon as the
 * assessment gives a verdict, and turns the verdict into a step result through the rollback rules.
 */
public final class AnalysisStepExecutor {

    private final Exchanges exchanges;
    private final VerificationLog log;
    private final Clock clock;

    public AnalysisStepExecutor(Exchanges exchanges, VerificationLog log, Clock clock) {
        this.exchanges = exchanges;
        this.log = log;
        this.clock = clock;
    }

    /** Watches each sample as it comes; returning true ends the analysis early as passed (a sign-off). */
    interface SampleWatch {
        boolean enough(Sample sample);
    }

    public StepResult execute(PlannedStep planned, AnalysisStep step, StepContext context) {
        OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
        Optional<Verdict> verdict = verdict(planned, step, context, tail, sample -> false, "analysis");
        return verdict.map(v -> VerdictResults.of(step, v, tail.text())).orElseGet(() -> stopped(context, tail));
    }

    /** Measures until a verdict, stores and shows it; empty when cancelled or out of time. */
    Optional<Verdict> verdict(PlannedStep planned, AnalysisStep step, StepContext context, OutputTail tail,
                              SampleWatch watch, String kind) {
        Optional<Verdict> verdict;
        try (MetricProvider provider = provider(step, context)) {
            verdict = measure(planned, step, provider, context, tail, watch);
        }
        verdict.ifPresent(v -> {
            say(context, tail, "verdict: " + v.outcome().label() + " — " + v.reason());
            log.result(new VerificationLog.StoredResult(context.runId(), planned.id(), kind, v.outcome().label(),
                    v.reason(), 0, 0, clock.instant()));
        });
        return verdict;
    }

    private MetricProvider provider(AnalysisStep step, StepContext context) {
        return switch (step.provider()) {
            case "prometheus" -> new PrometheusProvider(context.secrets().reveal(step.address()), exchanges,
                    step.httpMetrics(), context::isCancelled);
            case "probe" -> new ProbeProvider(context.secrets().reveal(step.url()), step.interval(), exchanges);
            default -> throw new IllegalArgumentException("unknown provider " + step.provider());
        };
    }

    /** The verdict, or empty when the run was cancelled or the step ran out of time first. */
    private Optional<Verdict> measure(PlannedStep planned, AnalysisStep step, MetricProvider provider,
                                      StepContext context, OutputTail tail, SampleWatch watch) {
        Assessment assessment = new Assessment(step.metrics(), step.failureLimit(), step.consecutiveErrorLimit());
        List<Sample> samples = new ArrayList<>();
        long deadline = Ticks.SYSTEM.nanos() + (context.timeout() != null ? context.timeout() : step.defaultTimeout()).toNanos();
        int total = step.measurements();
        for (int i = 1; i <= total; i++) {
            if (!Waiting.until(Ticks.SYSTEM.nanos() + step.interval().toNanos(), deadline, context)) {
                return Optional.empty();
            }
            Instant at = clock.instant();
            Duration limit = measurementLimit(step.interval());
            Duration left = Duration.ofNanos(deadline - Ticks.SYSTEM.nanos());
            boolean enough = false;
            for (Sample measured : provider.measure(step.metrics(), at, left.compareTo(limit) < 0 ? left : limit)) {
                // Errors may quote an address or query holding a secret: redact before anything keeps them.
                Sample s = measured.measured() ? measured
                        : Sample.failed(measured.metric(), measured.at(), context.secrets().redact(measured.error()));
                samples.add(s);
                store(context.runId(), planned.id(), s, step);
                say(context, tail, line(i, total, s));
                enough |= watch.enough(s);
            }
            if (context.isCancelled()) {
                return Optional.empty();
            }
            Optional<Verdict> verdict = assessment.assess(samples, i == total || enough);
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        return assessment.assess(samples, true);
    }

    /**
     * A measurement's time: its interval, at least 2 s (a first TLS handshake under load takes a while)
     * and at most 10 s; never more than the step has left.
     */
    private static Duration measurementLimit(Duration interval) {
        Duration floor = Duration.ofSeconds(2);
        Duration ceiling = Duration.ofSeconds(10);
        return interval.compareTo(floor) < 0 ? floor : interval.compareTo(ceiling) > 0 ? ceiling : interval;
    }

        private void store(String runId, String stepId, Sample s, AnalysisStep step) {
        MetricCheck m = step.metrics().stream().filter(c -> c.name().equals(s.metric())).findFirst().orElseThrow();
        log.sample(new VerificationLog.StoredSample(runId, stepId, s.metric(), s.at(), s.value(),
                s.error(), m.warning() == null ? null : m.warning().limit(),
                m.critical() == null ? null : m.critical().limit()));
    }

    private static String line(int i, int total, Sample s) {
        String what = s.measured() ? dev.shipshape.runbook.Threshold.format(s.value()) : "error: " + s.error();
        return "[" + i + "/" + total + "] " + s.metric() + " = " + what;
    }

    static void say(StepContext context, OutputTail tail, String line) {
        tail.appendLine(line);
        context.output().accept(line);
    }

    static StepResult stopped(StepContext context, OutputTail tail) {
        if (context.isCancelled()) {
            return StepResult.cancelled("cancelled", tail.text(), tail.size());
        }
        return StepResult.timedOut("timed out after " + (context.timeout() == null ? "its limit"
                : dev.shipshape.runbook.Durations.format(context.timeout()))
                + " before the analysis finished", tail.text(), tail.size());
    }
}
