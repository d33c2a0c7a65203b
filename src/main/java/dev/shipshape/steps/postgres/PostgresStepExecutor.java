package dev.shipshape.steps.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PgTools;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.UsesDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code postgres.*} steps: builds the {@link DatabaseWork} of the step's bound database
 * (password revealed from the run's secrets, in memory only), hands it to the operation, and turns
 * the outcome or the failure into a {@link StepResult} with everything said redacted.
 */
public final class PostgresStepExecutor {

    private final PostgresRecords records;
    private final PgTools tools;
    private final Clock clock;

    /** @param tools finds and runs pg_dump and pg_restore */
    public PostgresStepExecutor(PostgresRecords records, PgTools tools, Clock clock) {
        this.records = records;
        this.tools = tools;
        this.clock = clock;
    }

    public StepResult execute(Step step, StepContext context) {
        List<String> said = new ArrayList<>();
        UsesDatabase uses = (UsesDatabase) step;
        DatabaseAddress address;
        try {
            address = DatabaseAddress.of(uses.target().settings(), context.secrets());
        } catch (ShipshapeException e) {
            return StepResult.failure(null, context.secrets().redact(e.getMessage()), "", 0);
        }
        DatabaseWork work = new DatabaseWork(uses.target(), address, context.workdir(), tools, records,
                clock, context.runId(), "run " + context.runId(), line -> {
                    said.add(line);
                    context.output().accept(line);
                }, context::isCancelled, context.timeout());
        try {
            String message = PostgresOperations.run(step, work);
            return StepResult.success(null, address.redact(message), tail(said), tail(said).length());
        } catch (ShipshapeException | PostgresOperations.CheckFailed e) {
            return StepResult.failure(null, address.redact(e.getMessage()), tail(said), tail(said).length());
        }
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines);
    }
}
