package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One stage of a deployment: its steps, the steps that undo it, and what a failure means.
 *
 * @param needs    stages that must have succeeded before this one starts
 * @param timeout  budget for the whole stage, or null for none
 */
public record Stage(
        String name,
        List<String> needs,
        List<Step> steps,
        List<Step> rollback,
        Duration timeout,
        OnFailure onFailure) {

    public Stage {
        needs = List.copyOf(needs);
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
    }

    public Optional<Duration> timeoutIfAny() {
        return Optional.ofNullable(timeout);
    }
}
