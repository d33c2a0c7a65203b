package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * One thing a runbook does. Each kind is a record; the engine never looks inside, it hands the
 * step to the executor of its kind. Add a kind by adding a record here and its executor.
 */
public sealed interface Step permits RunStep, HttpStep, HealthStep, SmokeStep, AnalysisStep, MonitorStep,
        ApprovalStep, PostgresBackupStep, PostgresRestoreStep, PostgresMigrateStep, PostgresQueryStep,
        PostgresSqlStep, PostgresDiagnoseStep, WaitUntilStep, ConfirmStep {

    /** Options every kind shares: name, timeout, retries, idempotency. */
    StepOptions options();

    /** The step's kind as written in YAML ({@code run}, {@code http}). */
    String kind();

    /** A one-line description for plans and progress, e.g. the command or {@code GET url}. */
    String summary();

    /** The same step with every string value passed through {@code f} (used for interpolation). */
    Step mapStrings(UnaryOperator<String> f);

    /** Whether running this step twice is harmless, so that resume may re-run it. */
    default boolean idempotent() {
        Boolean declared = options().idempotent();
        return declared != null ? declared : idempotentByDefault();
    }

    /** The time one attempt may take when the runbook does not say. */
    default java.time.Duration defaultTimeout() {
        return java.time.Duration.ofMinutes(30);
    }

    /** Idempotency when the runbook does not say. */
    boolean idempotentByDefault();

    /** The name shown to people: the declared name, or the summary. */
    default String displayName() {
        return options().name() != null ? options().name() : summary();
    }
}
