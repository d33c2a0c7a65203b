package dev.shipshape.plan;

import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.StageProbe;
import dev.shipshape.runbook.Tier;
import dev.shipshape.runbook.condition.Condition;
import java.time.Duration;
import java.util.List;

/**
 * A stage in execution order, with its resolved steps and the steps that undo it.
 *
 * @param tier  application or database: which rollback type undoes this stage
 * @param probe the zero-downtime probe with its URL resolved, or null
 * @param skip  why the stage does not run in this run (e.g. it runs only in production), or null when it may run
 * @param when  the condition the run decides when it reaches the stage (the plan's values filled in), or null
 */
public record PlannedStage(String name, List<String> needs, OnFailure onFailure, Duration timeout,
                           List<PlannedStep> steps, List<PlannedStep> rollback, Tier tier, StageProbe probe,
                           String skip, Condition when) {
    public PlannedStage {
        needs = List.copyOf(needs);
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
        tier = tier == null ? Tier.APPLICATION : tier;
    }

    /** A stage that runs. */
    public PlannedStage(String name, List<String> needs, OnFailure onFailure, Duration timeout,
                        List<PlannedStep> steps, List<PlannedStep> rollback, Tier tier, StageProbe probe) {
        this(name, needs, onFailure, timeout, steps, rollback, tier, probe, null, null);
    }

    /** Whether the plan already knows the stage does not run. */
    public boolean skipped() {
        return skip != null;
    }

    /** An application stage without a probe. */
    public PlannedStage(String name, List<String> needs, OnFailure onFailure, Duration timeout,
                        List<PlannedStep> steps, List<PlannedStep> rollback) {
        this(name, needs, onFailure, timeout, steps, rollback, Tier.APPLICATION, null);
    }

    /** Its rollback returns to {@code ${previous_version}}, and there is none (a first deploy): nothing to roll back to. */
    public boolean nothingToRollBackTo() {
        return rollback.stream().anyMatch(PlannedStep::needsPreviousVersion);
    }
}
