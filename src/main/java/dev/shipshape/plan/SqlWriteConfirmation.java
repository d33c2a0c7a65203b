package dev.shipshape.plan;

import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.PostgresSqlStep;
import dev.shipshape.runbook.Problem;
import java.util.List;

/**
 * {@code postgres.sql} steps write to the database; in a production environment (named {@code prod...}) a plan
 * runs them only when each says {@code safe: true} or the run is started with {@code --confirm-sql}.
 */
public final class SqlWriteConfirmation {

    /** The flag that confirms, after reading the statements in {@code shipshape plan}, that they may run. */
    public static final String FLAG = "--confirm-sql";

    private SqlWriteConfirmation() {
    }

    /** The steps of {@code plan} refused as written in {@code file}; empty when none is. */
    public static List<Problem> refused(Plan plan, String file, boolean confirmed) {
        if (confirmed || !Environment.isProduction(plan.environment())) {
            return List.of();
        }
        return plan.allSteps().stream().map(PlannedStep::step)
                .filter(s -> s instanceof PostgresSqlStep sql && !sql.safe()).map(PostgresSqlStep.class::cast)
                .map(s -> problem(s, file, plan.environment())).distinct().toList();
    }

    /** @throws InvalidRunbookException with every refused step, each at its file:line:column */
    public static void check(Plan plan, String file, boolean confirmed) {
        List<Problem> refused = refused(plan, file, confirmed);
        if (!refused.isEmpty()) {
            throw new InvalidRunbookException(file, refused);
        }
    }

    private static Problem problem(PostgresSqlStep step, String file, String environment) {
        PostgresSqlStep.Written at = step.written();
        return new Problem(file, at.line(), at.column(), at.path() + ".postgres.sql", "writes to the database of "
                + "production environment '" + environment + "' without confirmation", "read its statements in "
                + "'shipshape plan', then start the run with " + FLAG + ", or mark the step safe: true once reviewed");
    }
}
