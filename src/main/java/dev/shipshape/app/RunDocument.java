package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog.StoredResult;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.gates.GateDecision;
import dev.shipshape.runbook.Masked;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The whole run as machines read it: what {@code show}, {@code deploy} and {@code resume} print with
 * {@code --output json} and {@code GET /api/v1/runs/{id}} answers. The run's fields (as in {@link RunSummary}), its
 * stages and steps (secrets in summaries masked, output tails as stored: redacted), its metrics, verification
 * results, probe figures and gate decisions. Written with Jackson (a {@code JavaTimeModule}, dates not as
 * timestamps): camelCase keys in this order, states in lower case, fields without a value left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunDocument(String id, String service, String environment, String version, String previousVersion,
                          String procedure, String procedureName, String startedBy, String status, String reason,
                          Instant createdAt, Instant finishedAt, Long durationMillis, List<Stage> stages,
                          List<Step> steps, RunMetrics metrics, List<StoredResult> verification,
                          List<ProbeReport> probes, List<GateDecision> gates) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(String name, String state, String reason, Instant startedAt, Instant finishedAt) {

        static Stage of(StageRecord s) {
            return new Stage(s.stage(), s.state().label(), s.reason(), s.startedAt(), s.finishedAt());
        }
    }

    /**
     * @param phase      {@code main}, {@code rollback} or {@code always}
     * @param outputSize all the bytes the step printed; {@code outputTail} is the kept end of it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String id, String stage, String phase, String name, String kind, String summary,
                       boolean idempotent, String state, int attempts, Integer exitCode, Long durationMillis,
                       String message, long outputSize, String outputTail) {

        static Step of(StepRecord s) {
            return new Step(s.stepId(), s.stage(), s.phase().name().toLowerCase(Locale.ROOT), s.name(), s.kind(),
                    Masked.of(s.summary()), s.idempotent(), s.state().label(), s.attempts(), s.exitCode(),
                    s.durationMillis(), s.message(), s.outputSize(), s.outputTail());
        }
    }

    static RunDocument of(RunSummary run, List<StageRecord> stages, List<StepRecord> steps, RunMetrics metrics,
                          List<StoredResult> verification, List<ProbeReport> probes, List<GateDecision> gates) {
        return new RunDocument(run.id(), run.service(), run.environment(), run.version(), run.previousVersion(),
                run.procedure(), run.procedureName(), run.startedBy(), run.status(), run.reason(), run.createdAt(),
                run.finishedAt(), run.durationMillis(), stages.stream().map(Stage::of).toList(),
                steps.stream().map(Step::of).toList(), metrics, verification, probes, gates);
    }

    /** The run without its gate decisions: what {@code rollback --output json} prints (a rollback passes no gates). */
    public RunDocument withoutGates() {
        return new RunDocument(id, service, environment, version, previousVersion, procedure, procedureName, startedBy,
                status, reason, createdAt, finishedAt, durationMillis, stages, steps, metrics, verification, probes,
                null);
    }
}
