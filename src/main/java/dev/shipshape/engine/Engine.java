package dev.shipshape.engine;

import dev.shipshape.time.Sleeper;
import dev.shipshape.ShipshapeException;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStep;
import java.util.List;
import java.util.Optional;

/**
 * Executes plans: records every change before moving on, holds the environment lock for the
 * length of the run, honours cancellation, and resumes runs that stopped part-way.
 */
public final class Engine {

    private final RunStore store;
    private final StepExecutor executor;
    private final EngineSettings settings;
    private final StageWatch watch;
    private final Sleeper sleeper;
    private final List<RunListener> listeners;
    private final RunIds ids = new RunIds();

    public Engine(RunStore store, StepExecutor executor, EngineSettings settings) {
        this(store, executor, settings, StageWatch.NONE);
    }

    /** @param watch watches each stage while it runs (the zero-downtime probe) and may fail it */
    public Engine(RunStore store, StepExecutor executor, EngineSettings settings, StageWatch watch) {
        this(store, executor, settings, watch, Sleeper.SYSTEM);
    }

    /** @param sleeper waits between attempts of a step */
    public Engine(RunStore store, StepExecutor executor, EngineSettings settings, StageWatch watch,
                  Sleeper sleeper) {
        this(store, executor, settings, watch, sleeper, List.of());
    }

    /**
     * @param listeners watch every run of this engine (a server's event stream, notifications), after the store
     *                  has each change and before the listener a start or resume is given (terminal progress)
     */
    public Engine(RunStore store, StepExecutor executor, EngineSettings settings, StageWatch watch,
                  Sleeper sleeper, List<RunListener> listeners) {
        this.store = store;
        this.executor = executor;
        this.settings = settings;
        this.watch = watch;
        this.sleeper = sleeper;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Starts a new run of the plan. When the environment is locked nothing is written.
     *
     * @throws ShipshapeException LOCKED when another run holds the environment
     */
    public RunOutcome start(Plan plan, RunRequest request, Secrets secrets,
                            RunListener listener, CancelSignal signal) {
        String runId = ids.next(settings.clock().instant());
        try (Lease lease = Lease.take(store, settings, plan.service(), plan.environment(), runId)) {
            store.create(newRun(runId, plan, request));
            Journal journal = new Journal(runId, store, all(runId, listener), settings.clock());
            journal.note("lock.acquired", plan.environment() + " locked by " + settings.holder());
            Monitoring.endOthers(store, journal, plan);
            Optional<String> notFree = new Leftovers(store, journal).stop(plan.service(), plan.environment());
            if (notFree.isPresent()) {
                journal.run(RunStatus.FAILED, notFree.get());
                return new RunOutcome(runId, RunStatus.FAILED, notFree.get());
            }
            journal.run(RunStatus.RUNNING, "started by " + request.startedBy() + ": " + plan.describe()
                    + (request.reason() == null ? "" : " (reason: " + request.reason() + ")"));
            return execute(plan, journal, lease, secrets, signal, Progress.of(List.of(), List.of()),
                    ResumeChoice.POLICY, RunStatus.RUNNING, null);
        }
    }

    /**
     * Goes on with a run that stopped before its end (crash, kill, halt), from its last recorded state.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown run, INVALID_INPUT for a finished one, LOCKED
     *                            when another process is running it
     */
    public RunOutcome resume(String runId, Plan plan, Secrets secrets, ResumeChoice choice, RunListener listener,
                             CancelSignal signal) {
        RunRecord run = store.run(runId).orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.NOT_FOUND,
                "no run " + runId + "; list runs with: shipshape runs"));
        run.requireUnfinished();
        try (Lease lease = Lease.take(store, settings, run.service(), run.environment(), runId)) {
            Journal journal = new Journal(runId, store, all(runId, listener), settings.clock());
            journal.note("run.resumed", "resumed by " + settings.holder() + " from " + run.status().label());
            new Leftovers(store, journal).stop(run.service(), run.environment()).ifPresent(why -> {
                throw new ShipshapeException(ShipshapeException.Code.FAILED, why);
            });
            Optional<String> rollingBack = run.status() == RunStatus.HALTED ? haltedInRollback(runId) : Optional.empty();
            if (run.status() == RunStatus.HALTED && rollingBack.isEmpty()) {
                journal.run(RunStatus.RUNNING, "resumed after a halt (" + choice.name().toLowerCase() + ")");
            }
            Progress progress = Progress.of(store.stages(runId), store.steps(runId), store.events(runId));
            return rollingBack.isPresent()
                    ? execute(plan, journal, lease, secrets, signal, progress, choice, RunStatus.ROLLING_BACK,
                    rollingBack.get())
                    : execute(plan, journal, lease, secrets, signal, progress, choice, run.status(), run.reason());
        }
    }

    private RunOutcome execute(Plan plan, Journal journal, Lease lease, Secrets secrets, CancelSignal signal,
                               Progress progress, ResumeChoice choice, RunStatus from, String reason) {
        lease.keepAlive();
        Cancellation cancel = new Cancellation(store, journal.runId(), settings.cancelPoll(), lease, signal);
        Attempts attempts = new Attempts(executor, journal, secrets, plan.workdir(), sleeper);
        return new Execution(plan, journal, attempts, cancel, progress, choice,
                (runId, stage) -> watch.start(runId, stage, secrets), new Monitoring.Lock() {
                    public void release() {
                        lease.release();
                    }

                    public Optional<String> retake() {
                        return lease.retake();
                    }
                }).from(from, reason);
    }

    /** A run that halted while rolling back (at an interrupted rollback step) goes on rolling back: its reason. */
    private Optional<String> haltedInRollback(String runId) {
        List<EventRecord> statuses = store.events(runId).stream()
                .filter(e -> e.kind().equals("run.running") || e.kind().equals("run.rolling_back")).toList();
        return statuses.isEmpty() || !statuses.getLast().kind().equals("run.rolling_back")
                ? Optional.empty() : Optional.ofNullable(statuses.getLast().message());
    }

    private RunListener all(String runId, RunListener listener) {
        List<RunListener> all = new java.util.ArrayList<>(listeners.stream().map(l -> l.forRun(runId)).toList());
        all.add(listener);
        return RunListener.all(all);
    }

    private NewRun newRun(String runId, Plan plan, RunRequest request) {
        List<StepRecord> steps = new java.util.ArrayList<>();
        List<PlannedStep> all = plan.allSteps();
        for (int i = 0; i < all.size(); i++) {
            PlannedStep s = all.get(i);
            steps.add(StepRecord.pending(runId, s.id(), s.stage(), s.phase(), i + 1, s.step().displayName(),
                    s.step().kind(), s.step().summary(), s.step().idempotent()));
        }
        return new NewRun(runId, plan.service(), plan.environment(), plan.version(), plan.previousVersion(),
                plan.procedure(), request.startedBy(), request.runbookPath(), request.runbookText(),
                settings.clock().instant(), plan.stages().stream().map(s -> s.name()).toList(), steps,
                plan.procedureName());
    }
}
