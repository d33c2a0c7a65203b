package dev.shipshape.runbook.condition;

import dev.shipshape.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a condition where it is written, before anything runs: references to steps that do not run before it,
 * unknown variables, environment names and outcomes that cannot match, values compared in a way that cannot work.
 */
public final class ConditionCheck {

    /** One problem, at an offset into the condition's text. */
    public record Problem(String message, String hint, int offset) {
    }

    private final Scope scope;
    private final List<Problem> problems = new ArrayList<>();

    private ConditionCheck(Scope scope) {
        this.scope = scope;
    }

    public static List<Problem> problems(Condition condition, Scope scope) {
        ConditionCheck check = new ConditionCheck(scope);
        check.references(condition);
        check.bool(condition.expr());
        return List.copyOf(check.problems);
    }

    private void references(Condition condition) {
        for (Reference r : condition.references()) {
            if (r.kind().ofRun() && !scope.runEnded()) {
                add(r.written() + " is known only to always-steps, which run once the run's outcome is decided",
                        "move the step under always:", r.offset());
            } else if (r.kind().ofStep()) {
                step(r);
            } else if (r.kind() == Reference.Kind.VAR && !scope.vars().contains(r.name())) {
                add(r.written() + " is not defined for every environment; add it to vars or to each environment's"
                        + " vars", null, r.offset());
            }
        }
    }

    private void step(Reference r) {
        if (scope.earlier().contains(r.name())) {
            return;
        }
        if (scope.named().contains(r.name())) {
            add(r.written() + ": step '" + r.name() + "' does not run before this; a condition can only use steps"
                    + " that ran earlier", null, r.offset());
            return;
        }
        add(r.written() + ": no step named '" + r.name() + "' runs before this", Suggestions.closest(r.name(),
                scope.earlier()).map(n -> "did you mean '" + n + "'?").orElse(null), r.offset());
    }

    /** Where a condition is expected: the whole, both sides of && and ||, after !. */
    private void bool(Expr expr) {
        switch (expr) {
            case Expr.Not n -> bool(n.operand());
            case Expr.And a -> {
                bool(a.left());
                bool(a.right());
            }
            case Expr.Or o -> {
                bool(o.left());
                bool(o.right());
            }
            case Expr.Compare c -> compare(c);
            case Expr.Literal l -> {
                if (l.value().bool().isEmpty()) {
                    add("expected a condition, got " + l.value().shown(), "compare it: e.g. ${env} == "
                            + l.value().shown(), l.offset());
                }
            }
            case Expr.Ref r -> {
                Reference.Kind kind = r.reference().kind();
                if (kind != Reference.Kind.STEP_JSON && kind != Reference.Kind.VAR) {
                    add(r.reference().written() + " is " + what(kind) + ", not a condition", "compare it: e.g. "
                            + r.reference().written() + (kind == Reference.Kind.STEP_EXIT ? " != 0" : kind
                            == Reference.Kind.STEP_OUTCOME || kind.ofRun() ? " == failed" : " == production"),
                            r.offset());
                }
            }
        }
    }

    private void compare(Expr.Compare c) {
        operand(c.left());
        operand(c.right());
        matches(c.left(), c.right());
        matches(c.right(), c.left());
        if (c.op().ordering()) {
            ordered(c.left(), c);
            ordered(c.right(), c);
        }
    }

    /** A comparison inside a comparison ({@code (a == b) == true}) is a condition on both sides. */
    private void operand(Expr expr) {
        if (expr instanceof Expr.Not || expr instanceof Expr.And || expr instanceof Expr.Or
                || expr instanceof Expr.Compare) {
            bool(expr);
        }
    }

    /** {@code ${env} == prodution} or {@code ${steps.x.outcome} == falied} can never hold. */
    private void matches(Expr side, Expr other) {
        if (!(side instanceof Expr.Ref ref) || !(other instanceof Expr.Literal literal)) {
            return;
        }
        String text = literal.value().text();
        if (ref.reference().kind() == Reference.Kind.ENVIRONMENT && !scope.environments().contains(text)) {
            add("unknown environment '" + text + "'; declared: " + String.join(", ", new TreeSet<>(scope.environments())),
                    hint(text, scope.environments()), literal.offset());
        } else if (ref.reference().kind() == Reference.Kind.STEP_OUTCOME && !Reference.OUTCOMES.contains(text)) {
            add("a step's outcome is " + String.join(", ", Reference.OUTCOMES) + ", not '" + text + "'",
                    hint(text, Reference.OUTCOMES), literal.offset());
        } else if (ref.reference().kind() == Reference.Kind.RUN_OUTCOME && !Reference.RUN_OUTCOMES.contains(text)) {
            add("the run's outcome is " + String.join(" or ", Reference.RUN_OUTCOMES) + ", not '" + text + "'",
                    text.equals("rolled_back") ? "a rolled back run's outcome is failed; ${run.status} tells"
                            + " rolled_back" : hint(text, Reference.RUN_OUTCOMES), literal.offset());
        } else if (ref.reference().kind() == Reference.Kind.RUN_STATUS && !Reference.RUN_STATUSES.contains(text)) {
            add("the run's status is " + String.join(", ", Reference.RUN_STATUSES) + ", not '" + text + "'",
                    hint(text, Reference.RUN_STATUSES), literal.offset());
        }
    }

    private void ordered(Expr side, Expr.Compare c) {
        boolean notNumber = switch (side) {
            case Expr.Literal l -> l.value().number().isEmpty();
            case Expr.Ref r -> r.reference().kind() == Reference.Kind.STEP_OUTCOME
                    || r.reference().kind() == Reference.Kind.ENVIRONMENT || r.reference().kind().ofRun();
            default -> true;
        };
        if (notNumber) {
            add(c.op().symbol + " compares numbers; " + shown(side) + " is not one", null, side.offset());
        }
    }

    private static String shown(Expr expr) {
        return switch (expr) {
            case Expr.Literal l -> l.value().shown();
            case Expr.Ref r -> r.reference().written();
            default -> "a condition";
        };
    }

    private static String what(Reference.Kind kind) {
        return switch (kind) {
            case STEP_EXIT -> "an exit code";
            case STEP_OUTCOME, RUN_OUTCOME, RUN_STATUS -> "an outcome";
            default -> "an environment name";
        };
    }

    private static String hint(String word, java.util.Collection<String> candidates) {
        Optional<String> close = Suggestions.closest(word, candidates);
        return close.map(n -> "did you mean '" + n + "'?").orElse(null);
    }

    private void add(String message, String hint, int offset) {
        problems.add(new Problem(message, hint, offset));
    }
}
