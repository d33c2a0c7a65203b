package dev.shipshape.plan;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.DatabaseTarget;
import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.Procedure;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.StageOrder;
import dev.shipshape.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns (runbook, environment, version, previous version) into a {@link Plan}. Pure: reads
 * nothing but its arguments, so {@code plan} and tests see exactly what {@code deploy} would run.
 */
public final class Planner {

    private final Map<String, String> processEnv;

    /** @param processEnv the environment {@code ${env:NAME}} reads from */
    public Planner(Map<String, String> processEnv) {
        this.processEnv = Map.copyOf(processEnv);
    }

    /**
     * Plans a deployment.
     *
     * @throws ShipshapeException INVALID_INPUT for an unknown environment or an unset {@code ${env:NAME}}
     */
    public Plan deploy(Runbook general, String environment, String version, String previousVersion) {
        Runbook runbook = general.forEnvironment(environment);
        var env = runbook.environment(environment).orElseThrow(() -> unknownEnvironment(runbook, environment));
        var values = new References(runbook, env, version, previousVersion, processEnv);
        List<PlannedStage> stages = new ArrayList<>();
        for (Stage stage : StageOrder.of(runbook.stages())) {
            Decided decided = Decided.of(stage.environments(), stage.when(), values);
            stages.add(new PlannedStage(stage.name(), stage.needs(), stage.onFailure(), stage.timeout(),
                    plan(stage.name(), Phase.MAIN, DatabaseBinding.bind(stage.steps(), runbook, env), values),
                    plan(stage.name(), Phase.ROLLBACK, DatabaseBinding.bind(stage.rollback(), runbook, env), values),
                    stage.tier(),
                    stage.probe(s -> values.resolve(s, stage.name() + "/probe")), decided.skip(), decided.when()));
        }
        values.failIfMissing();
        return new Plan(runbook.service(), environment, version, previousVersion, "deploy", stages,
                plan("always", Phase.ALWAYS, DatabaseBinding.bind(runbook.always(), runbook, env), values),
                runbook.source().toAbsolutePath().getParent(), runbook.onInterrupted());
    }

    /**
     * Plans a run of a named procedure: one stage of its name holding its steps, stopping at the first failure.
     * It has no version and no rollback; the runbook's always-steps belong to deployments and are left out.
     *
     * @throws ShipshapeException INVALID_INPUT for an unknown environment or procedure, or an unset {@code ${env:NAME}}
     */
    public Plan procedure(Runbook general, String environment, String name) {
        Runbook runbook = general.forEnvironment(environment);
        var env = runbook.environment(environment).orElseThrow(() -> unknownEnvironment(runbook, environment));
        Procedure procedure = runbook.procedure(name).orElseThrow(() -> unknownProcedure(runbook, name));
        var values = new References(runbook, env, null, null, processEnv);
        PlannedStage stage = new PlannedStage(name, List.of(), OnFailure.STOP, procedure.timeout(),
                plan(name, Phase.MAIN, DatabaseBinding.bind(procedure.steps(), runbook, env), values), List.of());
        values.failIfMissing();
        return new Plan(runbook.service(), environment, null, null, Plan.PROCEDURE, List.of(stage), List.of(),
                runbook.source().toAbsolutePath().getParent(), runbook.onInterrupted(), name);
    }

    /**
     * Resolves references in gate settings (checklist commands, URLs) as steps' are resolved; an
     * unset {@code ${env:NAME}} becomes empty here (the checklist item then fails, saying so).
     */
    public java.util.function.UnaryOperator<String> resolver(Runbook runbook, String environment, String version,
                                                             String previousVersion) {
        var env = runbook.environment(environment).orElseThrow(() -> unknownEnvironment(runbook, environment));
        var values = new References(runbook, env, version, previousVersion, processEnv);
        return text -> values.resolve(text, "checklist");
    }

    /**
     * An environment's database block for the {@code db} commands, with {@code ${vars.NAME}} and
     * {@code ${env:NAME}} resolved exactly as in a plan; secret references stay for the caller to reveal.
     *
     * @throws ShipshapeException INVALID_INPUT for an unknown environment, no database, or an unset {@code ${env:NAME}}
     */
    public DatabaseTarget database(Runbook runbook, String environment) {
        var env = runbook.environment(environment).orElseThrow(() -> unknownEnvironment(runbook, environment));
        var values = new References(runbook, env, null, null, processEnv);
        String where = "environments." + environment + ".database";
        DatabaseTarget target = new DatabaseTarget(runbook.service(), environment, env.databaseIfAny().orElseThrow(
                () -> new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "environment '" + environment
                        + "' declares no database; add " + where + " with url, user and password")))
                .mapStrings(s -> values.resolve(s, where));
        values.failIfMissing();
        return target;
    }

    private static List<PlannedStep> plan(String stage, Phase phase, List<Step> steps, References values) {
        List<PlannedStep> planned = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = PlannedStep.idOf(stage, phase, i + 1);
            planned.add(planned(id, stage, phase, i + 1, steps.get(i), values));
        }
        return planned;
    }

    /** A step with its references resolved and what the plan knows of whether it runs. */
    static PlannedStep planned(String id, String stage, Phase phase, int index, Step step, References values) {
        Decided decided = Decided.of(step.options().environments(), step.options().when(), values);
        return new PlannedStep(id, stage, phase, index, step.mapStrings(s -> values.resolve(s, id)), decided.skip(),
                decided.when());
    }

    private static ShipshapeException unknownProcedure(Runbook runbook, String name) {
        String declared = runbook.procedures().isEmpty() ? "it declares none; add them under procedures:"
                : "declared: " + String.join(", ", runbook.procedures().keySet());
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "procedure '" + name
                + "' is not defined in " + runbook.source() + "; " + declared
                + dev.shipshape.Suggestions.closest(name, runbook.procedures().keySet())
                .map(n -> " (did you mean '" + n + "'?)").orElse(""));
    }

    private static ShipshapeException unknownEnvironment(Runbook runbook, String name) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT,
                "environment '" + name + "' is not defined in " + runbook.source() + "; defined: "
                        + String.join(", ", runbook.environments().keySet()));
    }
}
