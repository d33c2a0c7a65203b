package dev.shipshape.steps.kit;

import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Step;

/** Runs one attempt of a step of one kind. */
@FunctionalInterface
public interface KindExecutor<S extends Step> {

    StepResult execute(PlannedStep planned, S step, StepContext context);
}
