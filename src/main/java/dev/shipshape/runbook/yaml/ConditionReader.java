package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.Procedure;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.StageOrder;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.condition.Condition;
import dev.shipshape.runbook.condition.ConditionCheck;
import dev.shipshape.runbook.condition.ConditionParser;
import dev.shipshape.runbook.condition.ConditionSyntaxException;
import dev.shipshape.runbook.condition.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the {@code when:} condition of a stage or step (a procedure's {@code when:} is a situation label, read by
 * {@link ProcedureReader}), reporting syntax problems at their line and column; once the whole runbook is read,
 * checks each condition against what runs before it (a repeat's {@code until:} also sees its own step).
 */
final class ConditionReader {

    static final String KEY = "when";

    /** Where a condition was written: its node, path, and the column its text starts at. */
    private record Written(Node node, String path, int column) {
    }

    private final Values values;
    private final List<String> lines;
    private final Map<Condition, Written> written = new IdentityHashMap<>();

    ConditionReader(Values values, String text) {
        this.values = values;
        this.lines = text.lines().toList();
    }

    /** The condition under {@code when:}, or null when absent or unreadable (a problem is recorded). */
    Condition read(Fields f) {
        return read(f, KEY);
    }

    /** A condition under another key (a repeat's {@code until:}), or null. */
    Condition read(Fields f, String key) {
        return f.optional(key).map(node -> parse(node, f.path(key))).orElse(null);
    }

    private Condition parse(Node node, String path) {
        if (!(node instanceof Node.Scalar scalar)) {
            values.wrongType(node, path, "a condition such as ${steps.check.exit} != 0");
            return null;
        }
        int column = scalar.column() + (quoted(scalar) ? 1 : 0);
        try {
            Condition condition = ConditionParser.parse(shorthand(scalar.text()));
            written.put(condition, new Written(node, path, column));
            return condition;
        } catch (ConditionSyntaxException e) {
            values.problems().add(scalar.line(), column + e.offset(), path, e.getMessage(), null);
            return null;
        }
    }

    /** {@code when: failed} and {@code when: succeeded} are the run's outcome, as always-steps ask it. */
    private static String shorthand(String text) {
        String word = text.strip();
        return word.equals("failed") || word.equals("succeeded") ? "${run.outcome} == " + word : text;
    }

    private boolean quoted(Node.Scalar scalar) {
        if (scalar.line() < 1 || scalar.line() > lines.size() || scalar.column() < 1) {
            return false;
        }
        String line = lines.get(scalar.line() - 1);
        char first = scalar.column() <= line.length() ? line.charAt(scalar.column() - 1) : ' ';
        return first == '"' || first == '\'';
    }

    /**
     * Checks every condition against what runs before it: a stage's condition sees the main steps of the stages that
     * run before it; a step's also the earlier steps of its list; a rollback step every main step of its stage and
     * the stages before it; an always-step every step of the stages; a procedure's step the earlier steps of the
     * procedure.
     */
    void check(List<Stage> declared, List<Step> always, Map<String, Procedure> procedures,
               Map<String, Environment> environments, Map<String, String> vars) {
        Set<String> everywhere = varsEverywhere(environments, vars);
        List<Stage> stages = StageOrder.of(declared);
        Set<String> named = new HashSet<>();
        stages.forEach(s -> {
            named.addAll(names(s.steps()));
            named.addAll(names(s.rollback()));
        });
        named.addAll(names(always));
        Set<String> before = new HashSet<>();
        Set<String> undoing = new HashSet<>();
        for (Stage stage : stages) {
            check(stage.when(), new Scope(before, named, environments.keySet(), everywhere));
            Set<String> main = new HashSet<>(before);
            steps(stage.steps(), main, named, environments.keySet(), everywhere);
            steps(stage.rollback(), new HashSet<>(main), named, environments.keySet(), everywhere);
            before.addAll(names(stage.steps()));
            undoing.addAll(names(stage.rollback()));
        }
        before.addAll(undoing);
        for (Step step : always) {
            check(step.options().when(), new Scope(before, named, environments.keySet(), everywhere, true));
            if (step.options().name() != null) {
                before.add(step.options().name());
            }
        }
        for (Procedure procedure : procedures.values()) {
            steps(procedure.steps(), new HashSet<>(), new HashSet<>(names(procedure.steps())), environments.keySet(),
                    everywhere);
        }
    }

    /** Checks each step's condition with the steps before it in {@code earlier}, which it extends as it goes. */
    private void steps(List<Step> steps, Set<String> earlier, Set<String> named, Set<String> environments,
                       Set<String> vars) {
        for (Step step : steps) {
            check(step.options().when(), new Scope(earlier, named, environments, vars));
            if (step.options().name() != null) {
                earlier.add(step.options().name());
            }
            if (step.options().repeat() != null) {
                check(step.options().repeat().until(), new Scope(earlier, named, environments, vars));
            }
        }
    }

    private void check(Condition condition, Scope scope) {
        Written where = condition == null ? null : written.get(condition);
        if (where == null) {
            return;
        }
        for (ConditionCheck.Problem p : ConditionCheck.problems(condition, scope)) {
            values.problems().add(where.node().line(), where.column() + p.offset(), where.path(), p.message(),
                    p.hint());
        }
    }

    private static List<String> names(Collection<Step> steps) {
        return steps.stream().map(s -> s.options().name()).filter(Objects::nonNull).toList();
    }

    /** Variables every environment has: the shared ones and those each environment defines. */
    private static Set<String> varsEverywhere(Map<String, Environment> environments, Map<String, String> vars) {
        Set<String> names = new HashSet<>(vars.keySet());
        List<Set<String>> own = new ArrayList<>(environments.values().stream().map(e -> e.vars().keySet()).toList());
        if (!own.isEmpty()) {
            Set<String> common = new HashSet<>(own.getFirst());
            own.forEach(common::retainAll);
            names.addAll(common);
        }
        return names;
    }
}
