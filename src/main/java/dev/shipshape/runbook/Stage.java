package dev.shipshape.runbook;

import dev.shipshape.runbook.condition.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One stage of a deployment: its steps, the steps that undo it, and what a failure means.
 *
 * @param needs    stages that must have succeeded before this one starts
 * @param timeout  budget for the whole stage, or null for none
 * @param tier     application or database: which rollback type undoes this stage (the reader makes a stage whose
 *                 rollback restores a database a database stage)
 * @param probe    the zero-downtime probe running while this stage runs, or null
 * @param environments the environments the stage runs in ({@code environments: [production]}); empty = every one
 * @param when     the condition under which the stage runs ({@code when:}), or null: it always runs
 */
public record Stage(
        String name,
        List<String> needs,
        List<Step> steps,
        List<Step> rollback,
        Duration timeout,
        OnFailure onFailure,
        Tier tier,
        StageProbe probe,
        List<String> environments,
        Condition when) {

    public Stage {
        environments = environments == null ? List.of() : List.copyOf(environments);
        needs = List.copyOf(needs);
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
        tier = tier == null ? Tier.APPLICATION : tier;
    }

    /** A stage of every environment. */
    public Stage(String name, List<String> needs, List<Step> steps, List<Step> rollback, Duration timeout,
                 OnFailure onFailure, Tier tier, StageProbe probe) {
        this(name, needs, steps, rollback, timeout, onFailure, tier, probe, List.of(), null);
    }

    /** Whether the stage runs in that environment. */
    public boolean runsIn(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    /** The same stage with other steps (rollback rules attached, say). */
    public Stage withSteps(List<Step> newSteps, List<Step> newRollback) {
        return new Stage(name, needs, newSteps, newRollback, timeout, onFailure, tier, probe, environments, when);
    }

    /** A stage without tier or probe: an application stage. */
    public Stage(String name, List<String> needs, List<Step> steps, List<Step> rollback, Duration timeout,
                 OnFailure onFailure) {
        this(name, needs, steps, rollback, timeout, onFailure, Tier.APPLICATION, null);
    }

    /** The probe with its strings resolved, or null. */
    public StageProbe probe(java.util.function.UnaryOperator<String> f) {
        return probe == null ? null : probe.mapStrings(f);
    }

    public Optional<Duration> timeoutIfAny() {
        return Optional.ofNullable(timeout);
    }
}
