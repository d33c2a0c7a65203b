package dev.shipshape.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.condition.Facts;
import dev.shipshape.runbook.condition.Reference;
import dev.shipshape.runbook.condition.Value;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What conditions read from a run: each named step's outcome, exit code and JSON answer, as recorded. A name means the
 * latest step of that name that has finished; a resumed run reads the same records, so it decides the same way.
 */
final class RunFacts implements Facts {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final List<PlannedStep> steps;
    private final Progress progress;
    private RunStatus ended;

    RunFacts(Plan plan, Progress progress) {
        this.steps = plan.allSteps();
        this.progress = progress;
    }

    void runEnded(RunStatus status) {
        this.ended = status;
    }

    /** {@code ${run.outcome}}: succeeded, or failed (also when rolled back); empty before the run's end. */
    static String outcome(RunStatus status) {
        return status == RunStatus.SUCCEEDED ? "succeeded" : "failed";
    }

    @Override
    public Lookup value(Reference reference) {
        if (reference.kind().ofRun()) {
            return ended == null ? Lookup.none("the run's outcome is not decided yet")
                    : Lookup.of(Value.text(reference.kind() == Reference.Kind.RUN_OUTCOME ? outcome(ended)
                    : ended.label()));
        }
        if (!reference.kind().atRunTime()) {
            return Lookup.none("not known to the run");
        }
        Optional<PlannedStep> found = latestFinished(reference.name());
        if (found.isEmpty()) {
            boolean planned = steps.stream().anyMatch(s -> reference.name().equals(s.step().options().name()));
            return Lookup.none(planned ? "step '" + reference.name() + "' has not run yet"
                    : "no step named '" + reference.name() + "' is part of this run");
        }
        PlannedStep step = found.get();
        State state = progress.step(step.id());
        return switch (reference.kind()) {
            case STEP_OUTCOME -> Lookup.of(Value.text(state.label()));
            case STEP_EXIT -> progress.exitCode(step.id()) != null
                    ? Lookup.of(Value.number(java.math.BigDecimal.valueOf(progress.exitCode(step.id()))))
                    : Lookup.none(described(step, state) + " recorded no exit code");
            default -> json(step, state, reference.path());
        };
    }

    private Optional<PlannedStep> latestFinished(String name) {
        return steps.reversed().stream().filter(s -> name.equals(s.step().options().name()))
                .filter(s -> progress.step(s.id()).finished()).findFirst();
    }

    private Lookup json(PlannedStep step, State state, String path) {
        String text = progress.json(step.id());
        Optional<JsonNode> root = text == null ? Optional.empty() : Json.read(text);
        if (root.isEmpty()) {
            return Lookup.none(described(step, state) + " kept no JSON answer");
        }
        JsonNode node = root.get();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            node = m.group(1) != null ? node.path(m.group(1)) : node.path(Integer.parseInt(m.group(2)));
        }
        if (node.isMissingNode() || node.isNull()) {
            return Lookup.none("the answer of " + described(step, state) + " has no value at '" + path + "'");
        }
        if (node.isContainerNode()) {
            return Lookup.none("the answer of " + described(step, state) + " has " + (node.isArray() ? "a list"
                    : "an object") + " at '" + path + "', not a value");
        }
        return Lookup.of(node.isBoolean() ? Value.bool(node.booleanValue()) : node.isNumber()
                ? Value.number(node.decimalValue()) : Value.text(node.asText()));
    }

    private static String described(PlannedStep step, State state) {
        return step.step().options().name() + " (" + step.id() + ", " + state.label() + ")";
    }
}
