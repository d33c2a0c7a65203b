package dev.shipshape.plan;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.StageOrder;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans a rollback as a run of its own (procedure {@code rollback}): the rollback steps of the
 * chosen tiers' stages, latest stage first, then the runbook's health and smoke steps again to
 * verify the result. Pure, like {@link Planner}. In the steps {@code ${version}} is the version
 * being rolled back and {@code ${previous_version}} the one restored, as in a deployment's rollback.
 * PostgreSQL steps are bound to the environment's database as in a deployment; {@code postgres.restore: run}
 * restores the {@link RunBackup} the caller looked up.
 */
public final class RollbackPlanner {

    /** Which stages a rollback undoes. */
    public enum Type {
        FULL, APPLICATION, DATABASE;

        boolean covers(Tier tier) {
            return this == FULL || (this == APPLICATION) == (tier == Tier.APPLICATION);
        }
    }

    /** The stage that re-runs health and smoke checks after the rollback steps. */
    public static final String VERIFY_STAGE = "verify-rollback";

    private final Map<String, String> processEnv;

    public RollbackPlanner(Map<String, String> processEnv) {
        this.processEnv = Map.copyOf(processEnv);
    }

    /**
     * @param runBackup what {@code postgres.restore: run} restores
     * @throws ShipshapeException INVALID_INPUT for an unknown environment, when no stage of the type has
     *                            rollback steps, or when a {@code run} restore has no backup
     */
    public Plan plan(Runbook general, String environment, String from, String to, Type type, RunBackup runBackup) {
        Runbook runbook = general.forEnvironment(environment);
        var env = runbook.environment(environment).orElseThrow(() -> new ShipshapeException(
                ShipshapeException.Code.INVALID_INPUT, "environment '" + environment + "' is not defined in "
                + runbook.source() + "; defined: " + String.join(", ", runbook.environments().keySet())));
        var values = new References(runbook, env, from, to, processEnv);
        List<PlannedStage> stages = new ArrayList<>();
        List<Step> checks = new ArrayList<>();
        for (Stage stage : StageOrder.of(runbook.stages()).reversed()) {
            if (type.covers(stage.tier()) && !stage.rollback().isEmpty() && stage.runsIn(environment)) {
                // the stage's own when: is the deployment's decision; its rollback steps keep theirs
                stages.add(new PlannedStage(stage.name(), List.of(), OnFailure.STOP, null,
                        steps(stage.name(), bound(stage, runbook, env, runBackup), values), List.of(), stage.tier(),
                        null));
            }
        }
        for (Stage stage : runbook.stages()) {
            stage.steps().stream().filter(RollbackPlanner::verifies).filter(step -> stage.runsIn(environment))
                    .filter(step -> step.options().runsIn(environment)).forEach(checks::add);
        }
        if (stages.isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "no " + (type == Type.FULL ? ""
                    : type.name().toLowerCase(java.util.Locale.ROOT) + " ") + "stage of " + runbook.source()
                    + " has rollback steps; add 'rollback:' steps to the stages that need undoing");
        }
        if (!checks.isEmpty()) {
            stages.add(new PlannedStage(VERIFY_STAGE, List.of(), OnFailure.STOP, null,
                    steps(VERIFY_STAGE, DatabaseBinding.bind(checks, runbook, env), values), List.of()));
        }
        values.failIfMissing();
        return new Plan(runbook.service(), environment, from, to, "rollback", stages, List.of(),
                runbook.source().toAbsolutePath().getParent(), runbook.onInterrupted());
    }

    /**
     * A step that checks the service without changing it, run again after a rollback: health, smoke and
     * analysis steps, and http steps that only read (GET, HEAD, OPTIONS). A monitor watches for hours; it
     * is left to the next deployment.
     */
    private static boolean verifies(Step step) {
        return switch (step) {
            case HealthStep health -> true;
            case SmokeStep smoke -> true;
            case AnalysisStep analysis -> true;
            case HttpStep http -> List.of("GET", "HEAD", "OPTIONS").contains(http.method());
            default -> false;
        };
    }

    /**
     * The type of a rollback run that recorded these stages, for planning it again on resume (a rollback
     * run keeps its runbook, versions and stage names, not its type); empty if no type plans those stages.
     */
    public java.util.Optional<Type> typeOf(Runbook runbook, String environment, String from, String to,
                                           java.util.Collection<String> recordedStages) {
        for (Type type : Type.values()) {
            try {
                var names = plan(runbook, environment, from, to, type, RunBackup.ANY).stages().stream().map(PlannedStage::name).toList();
                if (java.util.Set.copyOf(names).equals(java.util.Set.copyOf(recordedStages))) {
                    return java.util.Optional.of(type);
                }
            } catch (ShipshapeException noStageOfThisType) {
                // that type plans nothing here; try the next
            }
        }
        return java.util.Optional.empty();
    }

    /** Covers a stage of the given tier: used to warn before database rollbacks. */
    public static boolean touchesDatabase(Plan plan) {
        return plan.stages().stream().anyMatch(s -> s.tier() == Tier.DATABASE);
    }

    /**
     * A stage's rollback steps bound to the environment's database; {@code postgres.restore: run} restores
     * the backup of the run that made the live version live (this rollback run took none).
     */
    private static List<Step> bound(Stage stage, Runbook runbook, Environment env, RunBackup runBackup) {
        return DatabaseBinding.bind(stage.rollback(), runbook, env).stream()
                .map(step -> step instanceof PostgresRestoreStep restore && "run".equals(restore.backup())
                        ? restore.from(runBackup.require(stage.name(), env.name())) : step).toList();
    }

    private static List<PlannedStep> steps(String stage, List<Step> steps, References values) {
        List<PlannedStep> planned = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = PlannedStep.idOf(stage, Phase.MAIN, i + 1);
            planned.add(Planner.planned(id, stage, Phase.MAIN, i + 1, steps.get(i), values));
        }
        return planned;
    }
}
