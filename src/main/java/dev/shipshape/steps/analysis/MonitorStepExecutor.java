package dev.shipshape.steps.analysis;

import dev.shipshape.analysis.Sample;
import dev.shipshape.analysis.Verdict;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.MonitorStep;
import dev.shipshape.engine.OutputTail;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a {@code monitor:} step: one analysis per window, in order; a window that does not pass ends
 * monitoring like a failed analysis; the sign-off rule, once held long enough, ends it as signed off.
 */
public final class MonitorStepExecutor {

    private final AnalysisStepExecutor analysis;
    private final VerificationLog log;
    private final Clock clock;

    public MonitorStepExecutor(AnalysisStepExecutor analysis, VerificationLog log, Clock clock) {
        this.analysis = analysis;
        this.log = log;
        this.clock = clock;
    }

    public StepResult execute(PlannedStep planned, MonitorStep step, StepContext context) {
        OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
        SignOffWatch signOff = new SignOffWatch(step.signOff());
        String signedOff = null;
        for (MonitorStep.Window window : step.windows()) {
            if (signedOff != null && step.signOff().ends(window.name())) {
                AnalysisStepExecutor.say(context, tail, "window " + window.name() + " ended by the sign-off");
                continue;
            }
            AnalysisStepExecutor.say(context, tail, "window " + window.name());
            signOff.window(signedOff == null && step.signOff() != null && step.signOff().ends(window.name()));
            Optional<Verdict> verdict = analysis.verdict(planned, step.window(window), context, tail, signOff, "monitor");
            if (verdict.isEmpty()) {
                return AnalysisStepExecutor.stopped(context, tail);
            }
            if (verdict.get().outcome() != Verdict.Outcome.PASSED) {
                Verdict named = new Verdict(verdict.get().outcome(), "window " + window.name() + ": "
                        + verdict.get().reason(), verdict.get().findings());
                return VerdictResults.of(step.window(window), named, tail.text());
            }
            if (signedOff == null && signOff.signedOff()) {
                signedOff = "signed off: " + step.signOff().describe() + " (since " + signOff.since() + ")";
                log.result(new VerificationLog.StoredResult(context.runId(), planned.id(), "sign-off", "passed",
                        signedOff, 0, 0, clock.instant()));
                AnalysisStepExecutor.say(context, tail, signedOff);
            }
        }
        if (signedOff != null) {
            return StepResult.success(null, signedOff, tail.text(), tail.size());
        }
        String reason = "every window passed" + (step.signOff() == null ? "" : "; not signed off: "
                + step.signOff().describe() + " did not hold long enough");
        return StepResult.success(null, reason, tail.text(), tail.size());
    }

    /** Tracks how long the sign-off condition has held without a break. */
    private static final class SignOffWatch implements AnalysisStepExecutor.SampleWatch {
        private final MonitorStep.SignOff rule;
        private Instant since;
        private boolean signedOff;
        private boolean endsWindow = true;

        SignOffWatch(MonitorStep.SignOff rule) {
            this.rule = rule;
        }

        @Override
        public boolean enough(Sample sample) {
            if (rule == null || !sample.metric().equals(rule.metric())) {
                return false;
            }
            if (!sample.measured() || !rule.condition().breachedBy(sample.value())) {
                since = null;
                return false;
            }
            since = since == null ? sample.at() : since;
            signedOff |= !since.plus(rule.holdFor()).isAfter(sample.at());
            return signedOff && endsWindow;
        }

        /** Whether a sign-off during the next window ends it (else the window runs its course). */
        void window(boolean endedBySignOff) {
            this.endsWindow = endedBySignOff;
        }

        boolean signedOff() {
            return signedOff;
        }

        Instant since() {
            return since;
        }
    }
}
