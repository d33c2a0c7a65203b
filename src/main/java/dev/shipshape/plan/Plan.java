package dev.shipshape.plan;

import dev.shipshape.runbook.OnInterrupted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run will do, decided before anything is done: stages in execution order with their
 * resolved steps and rollback steps, and the always-steps. A value: {@code plan} prints it, the
 * engine runs it, tests compare it.
 *
 * @param previousVersion the last version that succeeded in this environment, or null
 * @param procedure       what kind of run: {@code deploy}, {@code rollback} or {@code procedure}
 * @param workdir         the runbook's folder; relative paths in steps are resolved against it
 * @param procedureName   the runbook procedure a {@code procedure} run runs, else null
 */
public record Plan(String service, String environment, String version, String previousVersion, String procedure,
                   List<PlannedStage> stages, List<PlannedStep> always, Path workdir, OnInterrupted onInterrupted,
                   String procedureName) {

    /** The kind of run that runs a runbook's named procedure. */
    public static final String PROCEDURE = "procedure";

    public Plan {
        stages = List.copyOf(stages);
        always = List.copyOf(always);
    }

    /** A deployment or rollback plan: no named procedure. */
    public Plan(String service, String environment, String version, String previousVersion, String procedure,
                List<PlannedStage> stages, List<PlannedStep> always, Path workdir, OnInterrupted onInterrupted) {
        this(service, environment, version, previousVersion, procedure, stages, always, workdir, onInterrupted, null);
    }

    /** What the run does, in words: {@code shop-api v1.2 to staging}, {@code procedure pool-exhausted in staging}. */
    public String describe() {
        return procedureName != null ? "procedure " + procedureName + " in " + environment
                : service + " " + version + " to " + environment;
    }

    public Optional<String> previousVersionIfAny() {
        return Optional.ofNullable(previousVersion);
    }

    /** Every step in the order it is recorded: each stage's steps, then rollback steps, then always-steps. */
    public List<PlannedStep> allSteps() {
        List<PlannedStep> all = new ArrayList<>();
        stages.forEach(s -> all.addAll(s.steps()));
        stages.forEach(s -> all.addAll(s.rollback()));
        all.addAll(always);
        return all;
    }

    public Optional<PlannedStage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
