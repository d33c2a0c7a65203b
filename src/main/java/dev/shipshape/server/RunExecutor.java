package dev.shipshape.server;

import dev.shipshape.ShipshapeException;
import dev.shipshape.app.Actor;
import dev.shipshape.app.Deployments;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.app.Shipshape;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the runs the server starts (deploys, rollbacks, procedures, resumes) in the server process, each on a
 * virtual thread of its own, with the same engine, store, locks and records as the CLI. A request is answered as
 * soon as its run exists; the run goes on after the answer.
 */
public final class RunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    /** Who resumes the runs the server finds interrupted when it starts. */
    static final Actor SERVER = Actor.server("shipshape-server", null);

    private final Shipshape app;
    private final Store store;
    private final ServerMetrics metrics;
    private final ServiceCatalog catalog;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    RunExecutor(Shipshape app, Store store, ServerMetrics metrics, ServiceCatalog catalog) {
        this.app = app;
        this.store = store;
        this.metrics = metrics;
        this.catalog = catalog;
    }

    /** The services in the server's runbooks folder. */
    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The root a run of {@code service} runs from: its folder's, or the server's when it is no longer listed. */
    Shipshape rootOf(String service) {
        try {
            return catalog.deployable(service).root();
        } catch (ShipshapeException e) {
            return app;
        }
    }

    /** Whether a run is executing in this server now. */
    public boolean executing(String runId) {
        return active.contains(runId);
    }

    /**
     * Starts a use case on a virtual thread and waits until its run exists, it waits for a window, or it ended
     * without a run.
     *
     * @param what names the thread and the log lines, e.g. {@code deploy shop-api staging}
     * @throws ShipshapeException what the use case threw before its run existed (gates, lock, bad input)
     */
    public RunStart start(String what, Function<ServerWatch, Object> useCase) {
        if (!accepting) {
            throw new ApiProblem(503, "stopping", "the server is stopping and starts no run; try again once it"
                    + " is back");
        }
        ServerWatch watch = new ServerWatch(metrics, active::add);
        Thread.ofVirtual().name("run " + what).start(() -> execute(what, useCase, watch));
        try {
            return watch.start().get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "stopping", "the server stopped while " + what + " was starting");
        }
    }

    private void execute(String what, Function<ServerWatch, Object> useCase, ServerWatch watch) {
        try {
            Object result = useCase.apply(watch);
            watch.start().complete(new RunStart.Ended(result));
        } catch (RuntimeException | Error e) {
            if (!watch.start().completeExceptionally(e)) {
                LOG.error("{} stopped: {}", what, e.getMessage(), e);
            }
        } finally {
            watch.runId().ifPresent(active::remove);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        Throwable failure = cause instanceof CompletionException c && c.getCause() != null ? c.getCause() : cause;
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    /**
     * Goes on with a run that stopped part-way, from its service's folder, in the background.
     *
     * @throws ApiProblem 409 {@code running} when this server executes the run now (or another resume of it starts)
     */
    public RunStart resume(RunRecord run, ResumeChoice choice, Actor actor) {
        String runId = run.runId();
        if (!active.add(runId)) {
            throw new ApiProblem(409, "running", "run " + runId + " is running in this server now; wait for it,"
                    + " or cancel it");
        }
        try {
            return start("resume " + runId, watch -> rootOf(run.service()).deployments(store).resume(
                    new Deployments.ResumeRequest(runId, choice, null, actor, watch)));
        } catch (RuntimeException e) {
            active.remove(runId);
            throw e;
        }
    }

    /**
     * Resumes the runs whose engine is gone (as {@code shipshape resume} would): finished steps are not repeated,
     * an interrupted step runs again only when idempotent, else the run halts for a person.
     *
     * @return the ids of the runs resumed
     */
    List<String> resumeInterrupted() {
        List<String> resumed = new ArrayList<>();
        for (RunRecord run : InterruptedRuns.in(app, store, executingHere())) {
            try {
                resume(run, ResumeChoice.POLICY, SERVER);
                resumed.add(run.runId());
                LOG.info("resumed run {} ({} {}), interrupted while its engine was gone", run.runId(),
                        run.service(), run.environment());
            } catch (RuntimeException e) {
                LOG.warn("could not resume interrupted run {}: {}", run.runId(), e.getMessage());
            }
        }
        return resumed;
    }

    private Set<String> executingHere() {
        return Set.copyOf(active);
    }

    /** The store the runs are recorded in. */
    Store store() {
        return store;
    }

    /** Starts no more runs; the runs in flight go on (a process about to exit stops their commands itself). */
    void close() {
        accepting = false;
    }
}
