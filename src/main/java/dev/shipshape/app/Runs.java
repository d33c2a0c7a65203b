package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog.StoredResult;
import dev.shipshape.engine.RunPosition;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunSelection;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.store.Store;
import java.util.List;

/** The runs a store holds: listed newest first, one by its id (as a record or as its whole document), step output. */
public final class Runs {

    /** @param service only this service, or null; {@code environment} likewise; at most {@code limit} runs */
    public record ListRequest(String service, String environment, int limit) {
    }

    private final StoreAccess store;

    Runs(StoreAccess store) {
        this.store = store;
    }

    /** Newest first; none when there is no store yet (nothing is created to read it). */
    public List<RunRecord> list(ListRequest request) {
        return store.readIfExists(s -> s.runs().runs(request.service(), request.environment(), request.limit()))
                .orElse(List.of());
    }

    /**
     * One page of the runs the query asks for, newest first, with the cursor of the next page (null on the last);
     * none when there is no store yet.
     *
     * @throws ShipshapeException INVALID_INPUT for a cursor no listing gave, an unknown status, since not before
     *                            until, or a limit out of range
     */
    public RunPage list(RunQuery query) {
        RunSelection selection = query.selection();
        int size = query.pageSize();
        RunPosition after = query.after() == null ? null : RunCursor.read(query.after());
        List<RunRecord> found = store.readIfExists(s -> s.runs().runsMatching(selection, after, size + 1))
                .orElse(List.of());
        List<RunRecord> page = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size ? RunCursor.after(page.getLast()) : null;
        return new RunPage(page.stream().map(RunSummary::of).toList(), next);
    }

    /** @throws ShipshapeException NOT_FOUND for an unknown run */
    public RunRecord show(String runId) {
        return store.use(s -> find(s.runs(), runId));
    }

    /**
     * The whole run: stages, steps, metrics, verification, probes and gate decisions.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown run
     */
    public RunDocument document(String runId) {
        return store.use(s -> {
            RunStore runs = s.runs();
            RunRecord run = find(runs, runId);
            List<StageRecord> stages = runs.stages(runId);
            List<StoredResult> results = s.verification().results(runId);
            List<ProbeReport> probes = s.verification().probes(runId);
            return RunDocument.of(RunSummary.of(run), stages, runs.steps(runId),
                    RunMetrics.of(run, stages, results, probes), results, probes, s.gates().decisions(runId));
        });
    }

    /** The output of each step of the run that ran, in plan order. @throws ShipshapeException NOT_FOUND */
    public List<StepOutput> outputs(String runId) {
        return store.use(s -> {
            find(s.runs(), runId);
            return s.runs().steps(runId).stream().filter(step -> step.attempts() > 0).map(StepOutput::of).toList();
        });
    }

    /**
     * The output of one step, named by its id ({@code deploy/1}) or its name.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown run or a step the run does not have
     */
    public StepOutput stepOutput(String runId, String step) {
        return store.use(s -> StepOutput.of(step(s, runId, step)));
    }

    /** @throws ShipshapeException NOT_FOUND for an unknown run */
    public static RunRecord find(RunStore runs, String runId) {
        return runs.run(runId).orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND,
                "no run " + runId + "; list runs with: shipshape runs"));
    }

    private static StepRecord step(Store s, String runId, String step) {
        find(s.runs(), runId);
        List<StepRecord> steps = s.runs().steps(runId);
        return steps.stream().filter(r -> r.stepId().equals(step) || step.equals(r.name())).findFirst()
                .orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "run " + runId
                        + " has no step " + step + "; its steps: "
                        + String.join(", ", steps.stream().map(StepRecord::stepId).toList())));
    }
}
