package dev.shipshape.plan;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.DatabaseTarget;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.UsesDatabase;
import java.util.List;

/**
 * PostgreSQL steps work on the environment's database: the one binding both a deployment's and a
 * rollback run's plan give them. An environment that declares no database cannot run them.
 */
final class DatabaseBinding {

    private DatabaseBinding() {
    }

    static List<Step> bind(List<Step> steps, Runbook runbook, Environment env) {
        return steps.stream().map(step -> step instanceof UsesDatabase uses && uses.needsDatabase()
                ? uses.bind(new DatabaseTarget(runbook.service(), env.name(), env.databaseIfAny()
                        .orElseThrow(() -> noDatabase(runbook, env, step))))
                : step).toList();
    }

    private static ShipshapeException noDatabase(Runbook runbook, Environment env, Step step) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "step '" + step.displayName() + "' ("
                + step.kind() + ") needs a database, but environment '" + env.name() + "' in " + runbook.source()
                + " declares none; add environments." + env.name() + ".database with url, user and password");
    }
}
