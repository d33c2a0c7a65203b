package dev.shipshape.steps;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepExecutor;
import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.processes.LocalProcesses;
import dev.shipshape.time.Sleeper;
import dev.shipshape.runbook.Step;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import dev.shipshape.http.SharedClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's one {@link StepExecutor}: hands each step to the executor of its kind, made from the
 * services the first time a step of that kind runs.
 */
public final class StepExecutors implements StepExecutor {

    private static final Duration APPROVAL_POLL = Duration.ofMillis(250);

    private final StepServices services;
    private final Map<Class<?>, KindExecutor<?>> executors = new ConcurrentHashMap<>();

    /** Default settings: a client that follows no redirects, and a 64 KiB output tail; no store. */
    public StepExecutors() {
        this(defaultHttpClient(), OutputTail.DEFAULT_LIMIT);
    }

    /**
     * @param httpClient     sends {@code http} steps; its redirect policy applies
     * @param tailLimitBytes how much of a step's output its result keeps
     */
    public StepExecutors(HttpClient httpClient, int tailLimitBytes) {
        this(new StepServices(httpClient, tailLimitBytes, VerificationLog.NONE, Clock.systemUTC(), null,
                APPROVAL_POLL, PostgresRecords.NONE, System.getenv(), LocalProcesses.onThisHost(Sleeper.SYSTEM)));
    }

    public StepExecutors(StepServices services) {
        this.services = services;
    }

    /** A client of the one configuration ({@link SharedClient}). */
    public static HttpClient defaultHttpClient() {
        return SharedClient.configured();
    }

    @Override
    public StepResult execute(PlannedStep planned, StepContext context) {
        return run(StepKinds.of(planned.step()), planned, context);
    }

    private <S extends Step> StepResult run(StepKind<S> kind, PlannedStep planned, StepContext context) {
        @SuppressWarnings("unchecked")
        KindExecutor<S> executor = (KindExecutor<S>) executors.computeIfAbsent(kind.type(),
                type -> kind.executor(services));
        return executor.execute(planned, kind.type().cast(planned.step()), context);
    }
}
