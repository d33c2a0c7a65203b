package dev.shipshape.gates.promotion;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.analysis.VerificationLog.StoredResult;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Soak evidence from recorded runs and the analysis verdicts recorded in them: a failed or
 * inconclusive analysis (or monitor) of the service in the environment since the version's
 * deployment is a problem, like a failed run. The deployment's own run counts (its verify stage
 * and post-deployment monitoring are the start of the soak), and so does every run that finished
 * after it or is still going. Per step only the latest verdict counts: a paused analysis that
 * was measured again and passed is judged by the new measurement.
 */
public final class AnalysisHistory implements SoakEvidence {

    /** Same reach as {@link RunHistory}. */
    private static final int LIMIT = 500;
    private static final Set<String> ANALYSES = Set.of("analysis", "monitor");

    private final RunStore runs;
    private final VerificationLog log;
    private final RunHistory history;

    public AnalysisHistory(RunStore runs, VerificationLog log) {
        this.runs = runs;
        this.log = log;
        this.history = new RunHistory(runs);
    }

    @Override
    public Optional<Instant> succeededAt(String service, String environment, String version) {
        return history.succeededAt(service, environment, version);
    }

    @Override
    public List<String> problemsSince(String service, String environment, Instant since) {
        List<String> problems = new ArrayList<>(history.problemsSince(service, environment, since));
        verdicts(service, environment, since).stream().filter(r -> !"passed".equals(r.result().outcome()))
                .map(r -> problem(r, environment)).forEach(problems::add);
        return problems;
    }

    @Override
    public Optional<String> judgedBy(String service, String environment, Instant since) {
        long passed = verdicts(service, environment, since).stream()
                .filter(r -> "passed".equals(r.result().outcome())).count();
        if (passed == 0) {
            return Optional.of("no analysis was recorded in " + environment + " during the soak: judged by run"
                    + " outcomes and time alone");
        }
        return Optional.of(passed + (passed == 1 ? " analysis" : " analyses") + " passed in " + environment
                + " during the soak");
    }

    private record Judged(RunRecord run, StoredResult result) {
    }

    /** The latest analysis verdict of each step of each run that belongs to the soak. */
    private List<Judged> verdicts(String service, String environment, Instant since) {
        Map<String, Judged> latest = new LinkedHashMap<>();
        for (RunRecord run : runs.runs(service, environment, LIMIT)) {
            if (run.finishedAt() != null && run.finishedAt().isBefore(since)) {
                continue;
            }
            for (StoredResult r : log.results(run.runId())) {
                if (ANALYSES.contains(r.kind())) {
                    latest.put(run.runId() + "/" + r.stepId(), new Judged(run, r));
                }
            }
        }
        return List.copyOf(latest.values());
    }

    /** {@code error-rate analysis failed in staging at 2026-01-26T18:05:00Z (run R, v3): error rate 0.12 > 0.10}. */
    private static String problem(Judged j, String environment) {
        StoredResult r = j.result();
        String what = "inconclusive".equals(r.outcome()) ? "was inconclusive" : r.outcome();
        String never = "inconclusive".equals(r.outcome()) ? " (inconclusive never promotes)" : "";
        return r.stepId() + " " + r.kind() + " " + what + " in " + environment + " at "
                + r.at().truncatedTo(ChronoUnit.SECONDS) + " (run " + j.run().runId() + ", " + j.run().version()
                + "): " + r.reason() + never;
    }
}
