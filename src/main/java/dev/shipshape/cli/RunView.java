package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A run as machines read it ({@code --output json}): states in lower case, times in ISO-8601. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(String id, String service, String environment, String version, String previousVersion,
               String procedure, String procedureName, String startedBy, String status, String reason, Instant createdAt,
               Instant finishedAt, Long durationMillis, List<StageView> stages, List<StepView> steps) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StageView(String name, String state, String reason, Instant startedAt, Instant finishedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepView(String id, String stage, String phase, String name, String kind, String summary,
                    boolean idempotent, String state, int attempts, Integer exitCode, Long durationMillis,
                    String message, long outputSize, String outputTail) {
    }

    static RunView summary(RunRecord run) {
        return of(run, null, null);
    }

    static RunView full(RunStore store, RunRecord run) {
        return of(run, store.stages(run.runId()).stream().map(RunView::stage).toList(),
                store.steps(run.runId()).stream().map(RunView::step).toList());
    }

    private static RunView of(RunRecord r, List<StageView> stages, List<StepView> steps) {
        Long duration = r.finishedAt() == null ? null : Duration.between(r.createdAt(), r.finishedAt()).toMillis();
        return new RunView(r.runId(), r.service(), r.environment(), r.version(), r.previousVersion(), r.procedure(),
                r.procedureName(), r.startedBy(), r.status().label(), r.reason(), r.createdAt(), r.finishedAt(), duration, stages, steps);
    }

    private static StageView stage(StageRecord s) {
        return new StageView(s.stage(), s.state().label(), s.reason(), s.startedAt(), s.finishedAt());
    }

    private static StepView step(StepRecord s) {
        return new StepView(s.stepId(), s.stage(), s.phase().name().toLowerCase(java.util.Locale.ROOT), s.name(),
                s.kind(), Masked.of(s.summary()), s.idempotent(), s.state().label(), s.attempts(), s.exitCode(),
                s.durationMillis(), s.message(), s.outputSize(), s.outputTail());
    }

    /**
     * The whole run as {@code show}, {@code deploy} and {@code resume} print it with {@code --output json}:
     * the run with its stages and steps, its metrics, verification results, probes and gate decisions.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode document(dev.shipshape.store.Store opened, RunRecord run) {
        var json = VerificationText.json(opened.runs(), opened.verification(), run);
        json.set("gates", Json.MAPPER.valueToTree(opened.gates().decisions(run.runId())));
        return json;
    }
}
