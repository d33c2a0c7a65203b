package dev.shipshape.runbook.condition;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A {@code when:} condition of a stage or step: its text as written and its parsed form. Plan-time references (the
 * environment, variables) are bound by the planner; the engine evaluates the rest over what the run recorded.
 */
public record Condition(String source, Expr expr) {

    /** Every reference, in the order written. */
    public List<Reference> references() {
        return expr.references();
    }

    /** Whether a reference is left that only the run can decide (a step's result). */
    public boolean needsRun() {
        return references().stream().anyMatch(r -> r.kind().atRunTime());
    }

    /** The same condition (same source) with the references {@code bind} gives a value for replaced by it. */
    public Condition bind(Function<Reference, Value> bind) {
        return new Condition(source, expr.bind(bind));
    }

    /** Evaluates the condition; {@code &&} and {@code ||} stop as soon as the outcome is known. */
    public Evaluation evaluate(Facts facts) {
        try {
            boolean holds = new Evaluator(facts).bool(expr);
            return new Evaluation.Decided(holds, shown(expr, facts));
        } catch (Undecidable e) {
            return new Evaluation.Undecided(e.getMessage());
        }
    }

    /** The expression with known values filled in and the rest as written. */
    private static String shown(Expr expr, Facts facts) {
        return switch (expr) {
            case Expr.Literal l -> l.value().shown();
            case Expr.Ref r -> {
                Facts.Lookup found = facts.value(r.reference());
                yield found.value() != null ? found.value().shown() : r.reference().written();
            }
            case Expr.Not n -> "!" + grouped(n.operand(), facts);
            case Expr.And a -> grouped(a.left(), facts) + " && " + grouped(a.right(), facts);
            case Expr.Or o -> shown(o.left(), facts) + " || " + shown(o.right(), facts);
            case Expr.Compare c -> shown(c.left(), facts) + " " + c.op().symbol + " " + shown(c.right(), facts);
        };
    }

    private static String grouped(Expr expr, Facts facts) {
        return expr instanceof Expr.Or || expr instanceof Expr.And ? "(" + shown(expr, facts) + ")" : shown(expr, facts);
    }

    private static final class Undecidable extends RuntimeException {
        Undecidable(String why) {
            super(why, null, false, false);
        }
    }

    private record Evaluator(Facts facts) {

        boolean bool(Expr expr) {
            return switch (expr) {
                case Expr.Not n -> !bool(n.operand());
                case Expr.And a -> bool(a.left()) && bool(a.right());
                case Expr.Or o -> bool(o.left()) || bool(o.right());
                case Expr.Compare c -> compare(c);
                case Expr.Literal l -> l.value().bool().orElseThrow(() -> new Undecidable(
                        l.value().shown() + " is not true or false"));
                case Expr.Ref r -> {
                    Value value = value(r);
                    yield value.bool().orElseThrow(() -> new Undecidable(r.reference().written() + " is "
                            + value.shown() + ", not true or false"));
                }
            };
        }

        private boolean compare(Expr.Compare c) {
            Value left = operand(c.left());
            Value right = operand(c.right());
            return switch (c.op()) {
                case EQ -> left.sameAs(right);
                case NE -> !left.sameAs(right);
                default -> order(c.op(), number(left, c), number(right, c));
            };
        }

        private static boolean order(Expr.Op op, BigDecimal left, BigDecimal right) {
            int sign = left.compareTo(right);
            return switch (op) {
                case LT -> sign < 0;
                case LE -> sign <= 0;
                case GT -> sign > 0;
                default -> sign >= 0;
            };
        }

        private static BigDecimal number(Value value, Expr.Compare c) {
            return value.number().orElseThrow(() -> new Undecidable(c.op().symbol + " compares numbers; "
                    + value.shown() + " is not one"));
        }

        private Value operand(Expr expr) {
            return switch (expr) {
                case Expr.Literal l -> l.value();
                case Expr.Ref r -> value(r);
                default -> Value.bool(bool(expr));
            };
        }

        private Value value(Expr.Ref r) {
            Facts.Lookup found = facts.value(r.reference());
            if (found.value() == null) {
                throw new Undecidable(r.reference().written() + " has no value: " + found.missing());
            }
            return found.value();
        }
    }

    /** What a step or stage skipped by it records: {@code when ${steps.check.exit} == 0 was false (1 == 0)}. */
    public String wasFalse(String shown) {
        return "when " + source.strip() + " was false" + (shown.equals(source.strip()) ? "" : " (" + shown + ")");
    }

    /** What is noted when it held: {@code when ${steps.check.exit} != 0 held (1 != 0)}. */
    public String held(String shown) {
        return "when " + source.strip() + " held" + (shown.equals(source.strip()) ? "" : " (" + shown + ")");
    }
}
