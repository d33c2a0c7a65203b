package dev.shipshape.engine;

import dev.shipshape.plan.PlannedStep;

/**
 * Runs one attempt of one step. One implementation per step kind lives in the steps package;
 * the engine knows steps only through this interface and does retries, timeouts of stages and
 * recording itself.
 */
public interface StepExecutor {

    /**
     * Runs the step once. Must return (not throw) for an expected failure, stop within about a
     * second when {@code context.cancelled()} becomes true, and give up at {@code context.timeout()}
     * (killing whatever it started).
     */
    StepResult execute(PlannedStep step, StepContext context);
}
