package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog.StoredResult;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.State;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's deployment metrics (seed 003's table), computed from what was recorded: total time, time
 * per stage, downtime the probes saw, smoke success rate, and whether a rollback was needed.
 *
 * @param totalMillis      from start to the final outcome; null while the run goes on
 * @param stageMillis      each stage that ended, from its start to its end
 * @param downtimeMillis   outage time seen by zero-downtime probes, or null when no stage had one
 * @param smokeSuccessRate passed flows over flows run, or null without smoke tests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunMetrics(Long totalMillis, Map<String, Long> stageMillis, Long downtimeMillis, Double smokeSuccessRate,
                         int smokePassed, int smokeTotal, boolean rollbackNeeded) {

    static RunMetrics of(RunRecord run, List<StageRecord> stages, List<StoredResult> results, List<ProbeReport> probes) {
        Long total = run.finishedAt() == null ? null : Duration.between(run.createdAt(), run.finishedAt()).toMillis();
        Map<String, Long> perStage = new LinkedHashMap<>();
        for (StageRecord s : stages) {
            if (s.startedAt() != null && s.finishedAt() != null) {
                perStage.put(s.stage(), Duration.between(s.startedAt(), s.finishedAt()).toMillis());
            }
        }
        Long downtime = probes.isEmpty() ? null : probes.stream().mapToLong(ProbeReport::downtimeMillis).sum();
        int passed = results.stream().filter(r -> r.kind().equals("smoke")).mapToInt(StoredResult::passed).sum();
        int flows = results.stream().filter(r -> r.kind().equals("smoke")).mapToInt(StoredResult::total).sum();
        boolean rollback = run.status() == RunStatus.ROLLED_BACK || run.status() == RunStatus.ROLLBACK_FAILED
                || run.status() == RunStatus.ROLLING_BACK || stages.stream().anyMatch(s -> s.state() == State.ROLLED_BACK);
        return new RunMetrics(total, perStage, downtime, flows == 0 ? null : passed / (double) flows, passed, flows,
                rollback);
    }
}
