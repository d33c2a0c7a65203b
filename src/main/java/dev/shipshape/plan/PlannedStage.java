package dev.shipshape.plan;

import dev.shipshape.runbook.OnFailure;
import java.time.Duration;
import java.util.List;

/** A stage in execution order, with its resolved steps and the steps that undo it. */
public record PlannedStage(String name, List<String> needs, OnFailure onFailure, Duration timeout,
                           List<PlannedStep> steps, List<PlannedStep> rollback) {
    public PlannedStage {
        needs = List.copyOf(needs);
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
    }
}
