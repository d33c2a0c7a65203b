package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A plan as machines read it ({@code plan --output json}, the server's plan route): the stages in execution order
 * with their resolved steps and rollback steps (secrets masked, as in text), the always-steps, then the gates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanDocument(String service, String procedure, String environment, String version, String previousVersion,
                List<StageView> stages, List<StepView> always, GatesView gates) {

    /**
     * {@code nothingToRollBackTo}: the rollback needs a previous version and none is live (a first deploy);
     * {@code skipped}: why the stage does not run in this run, absent when it runs; {@code when}: the condition the
     * run decides when it gets there (the same on a step).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageView(String name, List<String> needs, String tier, String onFailure, String timeout,
                     List<StepView> steps, List<StepView> rollback, boolean nothingToRollBackTo, String skipped,
                     String when) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(String id, String kind, String summary, String timeout, int retries, boolean idempotent,
                    String skipped, String when, String repeats) {
    }

    /** {@code checklistItems}: how many items the checklist has (plan does not run them), or absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GatesView(Instant asOf, String verdict, List<GateView> results, Integer checklistItems) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateView(String gate, String verdict, String reason, Instant opensAt) {
    }

    public static PlanDocument of(Plan plan, GateReport gates, Instant asOf, Integer checklistItems) {
        return new PlanDocument(plan.service(), plan.procedureName(), plan.environment(), plan.version(),
                plan.previousVersion(), plan.stages().stream().map(PlanDocument::stage).toList(), steps(plan.always()),
                new GatesView(asOf, gates.verdict().label(), gates.results().stream().map(PlanDocument::gate).toList(),
                        checklistItems));
    }

    /** A procedure's plan: no version and no gates (gates judge deployments). */
    public static PlanDocument ofProcedure(Plan plan) {
        return new PlanDocument(plan.service(), plan.procedureName(), plan.environment(), null, null,
                plan.stages().stream().map(PlanDocument::stage).toList(), steps(plan.always()), null);
    }

    /** A deployment's plan with its gates, as the plan use case found them. */
    public static PlanDocument of(Plans.DeploymentPlan planned) {
        return of(planned.plan(), planned.gates(), planned.at(), planned.checklistItems().orElse(null));
    }

    private static StageView stage(PlannedStage s) {
        return new StageView(s.name(), s.needs(), lower(s.tier().name()), lower(s.onFailure().name()),
                duration(s.timeout()), steps(s.steps()), steps(s.rollback()), s.nothingToRollBackTo(),
                s.skip(), s.when() == null ? null : s.when().source().strip());
    }

    private static List<StepView> steps(List<PlannedStep> steps) {
        return steps.stream().map(PlanDocument::step).toList();
    }

    private static StepView step(PlannedStep planned) {
        Step step = planned.step();
        return new StepView(planned.id(), step.kind(), Masked.of(step.summary()), duration(step.options().timeout()),
                step.options().retries(), step.idempotent(), planned.skip(),
                planned.when() == null ? null : planned.when().source().strip(),
                step.options().repeat() == null ? null : step.options().repeat().describe());
    }

    public static GateView gate(GateResult r) {
        return new GateView(r.gate(), r.verdict().label(), r.reason(), r.opensAt());
    }

    private static String duration(Duration d) {
        return d == null ? null : Durations.format(d);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
