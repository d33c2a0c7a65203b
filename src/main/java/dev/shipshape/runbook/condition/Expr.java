package dev.shipshape.runbook.condition;

import java.util.List;
import java.util.function.Function;

/** A parsed condition: comparisons of values joined by {@code &&}, {@code ||} and {@code !}. */
public sealed interface Expr {

    /** Where it starts in the condition's text. */
    int offset();

    /** A number, a quoted string, {@code true}/{@code false} or a bare word ({@code production}, {@code failed}). */
    record Literal(Value value, int offset) implements Expr {
    }

    /** A {@code ${...}} reference. */
    record Ref(Reference reference) implements Expr {
        @Override
        public int offset() {
            return reference.offset();
        }
    }

    record Not(Expr operand, int offset) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
        @Override
        public int offset() {
            return left.offset();
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override
        public int offset() {
            return left.offset();
        }
    }

    record Compare(Expr left, Op op, Expr right) implements Expr {
        @Override
        public int offset() {
            return left.offset();
        }
    }

    /** A comparison operator as written. */
    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    /** Every reference, in the order written. */
    default List<Reference> references() {
        return switch (this) {
            case Literal l -> List.of();
            case Ref r -> List.of(r.reference());
            case Not n -> n.operand().references();
            case And a -> concat(a.left().references(), a.right().references());
            case Or o -> concat(o.left().references(), o.right().references());
            case Compare c -> concat(c.left().references(), c.right().references());
        };
    }

    /** The same expression with the references {@code bind} gives a value for replaced by that value. */
    default Expr bind(Function<Reference, Value> bind) {
        return switch (this) {
            case Literal l -> l;
            case Ref r -> {
                Value value = bind.apply(r.reference());
                yield value == null ? r : new Literal(value, r.offset());
            }
            case Not n -> new Not(n.operand().bind(bind), n.offset());
            case And a -> new And(a.left().bind(bind), a.right().bind(bind));
            case Or o -> new Or(o.left().bind(bind), o.right().bind(bind));
            case Compare c -> new Compare(c.left().bind(bind), c.op(), c.right().bind(bind));
        };
    }

    private static List<Reference> concat(List<Reference> a, List<Reference> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
