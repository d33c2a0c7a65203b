package dev.shipshape.server;

import dev.shipshape.app.DeployWatch;
import dev.shipshape.app.RollbackWatch;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.RunListener;
import dev.shipshape.gates.GateResult;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How the server follows a run it executes: it tells the request that started the run once the run exists (or
 * waits for its window), keeps the stages a database rollback undoes, and counts the run's end and its steps'
 * durations for {@code /metrics}.
 */
final class ServerWatch implements DeployWatch, RollbackWatch {

    private final CompletableFuture<RunStart> start = new CompletableFuture<>();
    private final ServerMetrics metrics;
    private final Consumer<String> began;
    private volatile List<String> databaseStages = List.of();
    private volatile String runId;

    /** @param began told the run's id once the run exists */
    ServerWatch(ServerMetrics metrics, Consumer<String> began) {
        this.metrics = metrics;
        this.began = began;
    }

    CompletableFuture<RunStart> start() {
        return start;
    }

    /** The run's id once it exists. */
    Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    List<String> databaseStages() {
        return databaseStages;
    }

    @Override
    public void waitingForWindow(GateResult window) {
        start.complete(new RunStart.WaitingForWindow(window));
    }

    @Override
    public void undoingDatabase(List<String> stages) {
        databaseStages = List.copyOf(stages);
    }

    @Override
    public RunListener listener(Plan plan) {
        Map<String, String> kinds = plan.allSteps().stream()
                .collect(Collectors.toMap(PlannedStep::id, s -> s.step().kind(), (a, b) -> a));
        return new RunListener() {
            private volatile boolean told;

            @Override
            public void changed(Change change) {
                if (!told) {
                    told = true;
                    runId = change.runId();
                    began.accept(change.runId());
                    start.complete(new RunStart.Began(change.runId()));
                }
                switch (change) {
                    case Change.RunChanged run when run.status().isFinal() ->
                            metrics.runEnded(plan.procedure(), run.status().label());
                    case Change.StepChanged step when step.state().finished() && step.durationMillis() != null ->
                            metrics.stepEnded(kinds.getOrDefault(step.stepId(), "unknown"), step.state().label(),
                                    Duration.ofMillis(step.durationMillis()));
                    default -> {
                    }
                }
            }

            @Override
            public void output(String stepId, String line) {
            }
        };
    }
}
