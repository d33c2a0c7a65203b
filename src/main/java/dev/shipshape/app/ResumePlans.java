package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.runbook.Runbook;
import java.util.Optional;

/** A run to resume is planned again as what it was: a deploy (with its override stage), a procedure or a rollback. */
final class ResumePlans {

    private final Shipshape app;
    private final RunStore runs;

    ResumePlans(Shipshape app, RunStore runs) {
        this.app = app;
        this.runs = runs;
    }

    Plan plan(Runbook rb, RunRecord run, Optional<RollbackPlanner.Type> rollback, Actor actor) {
        var env = app.settings().env();
        return rollback.isPresent()
                ? new RollbackPlanner(env).plan(rb, run.environment(), run.version(), run.previousVersion(),
                rollback.get(), LiveRunBackup.of(app, actor, runs, rb, run.environment(), run.runId()))
                : run.isProcedure() ? new Planner(env).procedure(rb, run.environment(), run.procedureName())
                : deployPlan(rb, run);
    }

    private Plan deployPlan(Runbook rb, RunRecord run) {
        Plan plan = new Planner(app.settings().env()).deploy(rb, run.environment(), run.version(),
                run.previousVersion());
        if (runs.stages(run.runId()).stream().anyMatch(s -> s.stage().equals(OverrideStage.NAME))) {
            plan = OverrideStage.add(plan, OverrideStage.of(rb, run.environment()).orElseThrow());
        }
        return plan;
    }

    /** A rollback run is planned again as the rollback it was: same runbook text, versions and stages. */
    Optional<RollbackPlanner.Type> rollbackType(Runbook rb, RunRecord run) {
        if (!run.procedure().equals("rollback")) {
            return Optional.empty();
        }
        String runId = run.runId();
        var stages = runs.stages(runId).stream().map(s -> s.stage()).toList();
        return Optional.of(new RollbackPlanner(app.settings().env()).typeOf(rb, run.environment(), run.version(),
                run.previousVersion(), stages).orElseThrow(() -> new ShipshapeException(
                ShipshapeException.Code.INVALID_INPUT, "cannot plan rollback run " + runId + " again: its stages ("
                + String.join(", ", stages) + ") match no rollback of its runbook; start a new one: shipshape"
                + " rollback --env " + run.environment() + " --to " + run.previousVersion() + " --reason ...")));
    }
}
