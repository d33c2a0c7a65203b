package dev.shipshape.steps;

import dev.shipshape.runbook.Step;
import dev.shipshape.steps.analysis.AnalysisStepKind;
import dev.shipshape.steps.analysis.MonitorStepKind;
import dev.shipshape.steps.approval.ApprovalStepKind;
import dev.shipshape.steps.confirm.ConfirmStepKind;
import dev.shipshape.steps.health.HealthStepKind;
import dev.shipshape.steps.http.HttpStepKind;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.postgres.PostgresStepKinds;
import dev.shipshape.steps.shell.RunStepKind;
import dev.shipshape.steps.smoke.SmokeStepKind;
import dev.shipshape.steps.waituntil.WaitUntilStepKind;
import java.util.List;
import java.util.stream.Stream;

/** Every kind of step, in the order the schema and error messages list them. Register a new kind here. */
public final class StepKinds {

    private static final List<StepKind<?>> ALL = Stream.concat(Stream.of(
            new RunStepKind(),
            new HttpStepKind(),
            new HealthStepKind(),
            new SmokeStepKind(),
            new AnalysisStepKind(),
            new MonitorStepKind(),
            new ApprovalStepKind(),
            new WaitUntilStepKind(),
            new ConfirmStepKind()), PostgresStepKinds.all().stream()).toList();

    private StepKinds() {
    }

    public static List<StepKind<?>> all() {
        return ALL;
    }

    /** The kind of a step; every record of {@link Step} has one. */
    public static StepKind<?> of(Step step) {
        return ALL.stream().filter(k -> k.type().isInstance(step)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step kind registered for " + step.getClass()));
    }
}
