package dev.shipshape.steps;

import dev.shipshape.engine.OutputTail;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepExecutor;
import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.http.Exchanges;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.MonitorStep;
import dev.shipshape.runbook.PostgresBackupStep;
import dev.shipshape.runbook.PostgresDiagnoseStep;
import dev.shipshape.runbook.PostgresMigrateStep;
import dev.shipshape.runbook.PostgresQueryStep;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.steps.analysis.AnalysisStepExecutor;
import dev.shipshape.steps.analysis.MonitorStepExecutor;
import dev.shipshape.steps.approval.ApprovalStepExecutor;
import dev.shipshape.steps.health.HealthStepExecutor;
import dev.shipshape.steps.smoke.SmokeStepExecutor;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.steps.postgres.PostgresStepExecutor;
import java.time.Clock;
import dev.shipshape.steps.http.HttpStepExecutor;
import dev.shipshape.steps.shell.ShellStepExecutor;
import dev.shipshape.http.LazyHttpClient;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The engine's one {@link StepExecutor}: hands each step to the executor of its kind. A new kind
 * is a new record in {@code Step}, a new package here, and one more case in {@link #execute}; the
 * switch is exhaustive, so the compiler points at this class when a kind is missing.
 */
public final class StepExecutors implements StepExecutor {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ShellStepExecutor shell;
    private final HttpStepExecutor http;
    private final HealthStepExecutor health;
    private final SmokeStepExecutor smoke;
    private final AnalysisStepExecutor analysis;
    private final MonitorStepExecutor monitor;
    private final ApprovalStepExecutor approval;
    private final PostgresStepExecutor postgres;

    /** Default settings: a client that follows no redirects, and a 64 KiB output tail. */
    public StepExecutors() {
        this(defaultHttpClient(), OutputTail.DEFAULT_LIMIT);
    }

    /**
     * @param httpClient     sends {@code http} steps; its redirect policy applies
     * @param tailLimitBytes how much of a step's output its result keeps
     */
    public StepExecutors(HttpClient httpClient, int tailLimitBytes) {
        this(httpClient, tailLimitBytes, VerificationLog.NONE, Clock.systemUTC(), null,
                new PostgresStepExecutor(PostgresRecords.NONE, System.getenv(), Clock.systemUTC()));
    }

    /**
     * @param log      where verification steps store samples and results
     * @param approval waits for {@code approval} steps; null when nothing can record approvals (such
     *                 a step then fails, saying so)
     * @param postgres runs {@code postgres.*} steps and records their backups and actions
     */
    public StepExecutors(HttpClient httpClient, int tailLimitBytes, VerificationLog log, Clock clock,
                         ApprovalStepExecutor approval, PostgresStepExecutor postgres) {
        if (tailLimitBytes <= 0) {
            throw new IllegalArgumentException("output tail limit must be positive, got " + tailLimitBytes);
        }
        Exchanges exchanges = new Exchanges(httpClient);
        this.shell = new ShellStepExecutor(tailLimitBytes);
        this.http = new HttpStepExecutor(exchanges, tailLimitBytes);
        this.health = new HealthStepExecutor(exchanges, log, clock);
        this.smoke = new SmokeStepExecutor(http, log, clock);
        this.analysis = new AnalysisStepExecutor(exchanges, log, clock);
        this.monitor = new MonitorStepExecutor(analysis, log, clock);
        this.approval = approval;
        this.postgres = postgres;
    }

    /**
     * HTTP/1.1 (what health endpoints and proxies reliably speak), a connect timeout well below
     * usual step timeouts, and no redirects: a check against {@code /health} should fail on a 302
     * to a login page, not pass on the login page's 200. Built on the first request: a run of shell
     * steps never pays for an HTTP client and its TLS context.
     */
    public static HttpClient defaultHttpClient() {
        return new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    @Override
    public StepResult execute(PlannedStep planned, StepContext context) {
        return switch (planned.step()) {
            case RunStep run -> shell.execute(planned.id(), run, context);
            case HttpStep request -> http.execute(request, context);
            case HealthStep check -> health.execute(planned, check, context);
            case SmokeStep flows -> smoke.execute(planned, flows, context);
            case AnalysisStep watch -> analysis.execute(planned, watch, context);
            case MonitorStep tiers -> monitor.execute(planned, tiers, context);
            case ApprovalStep wait -> approval != null ? approval.execute(planned.id(), wait, context)
                    : StepResult.failure(null, "approval steps need a store to record approvals in", null, 0);
            case PostgresBackupStep s -> postgres.execute(s, context);
            case PostgresRestoreStep s -> postgres.execute(s, context);
            case PostgresMigrateStep s -> postgres.execute(s, context);
            case PostgresQueryStep s -> postgres.execute(s, context);
            case PostgresDiagnoseStep s -> postgres.execute(s, context);
        };
    }
}
