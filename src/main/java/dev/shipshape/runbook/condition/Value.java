package dev.shipshape.runbook.condition;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A value a condition compares: a number, a boolean or text, as written or as recorded by the run. Text that reads as
 * a number counts as one ({@code vars} are text), and {@code true}/{@code false} as text count as booleans.
 */
public record Value(Object raw) {

    public Value {
        if (!(raw instanceof String || raw instanceof BigDecimal || raw instanceof Boolean)) {
            throw new IllegalArgumentException("a condition value is text, a number or a boolean");
        }
    }

    public static Value text(String text) {
        return new Value(text);
    }

    public static Value number(BigDecimal number) {
        return new Value(number);
    }

    public static Value bool(boolean value) {
        return new Value(value);
    }

    /** The value as people read it: {@code 1}, {@code 2.5}, {@code true}, {@code production}. */
    public String text() {
        return raw instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : raw.toString();
    }

    public Optional<BigDecimal> number() {
        if (raw instanceof BigDecimal n) {
            return Optional.of(n);
        }
        if (raw instanceof String s && s.strip().matches("-?[0-9]+(\\.[0-9]+)?")) {
            return Optional.of(new BigDecimal(s.strip()));
        }
        return Optional.empty();
    }

    public Optional<Boolean> bool() {
        if (raw instanceof Boolean b) {
            return Optional.of(b);
        }
        return raw instanceof String s && (s.equals("true") || s.equals("false"))
                ? Optional.of(Boolean.parseBoolean(s)) : Optional.empty();
    }

    /** {@code ==}: as numbers when both read as numbers, else as text. */
    public boolean sameAs(Value other) {
        Optional<BigDecimal> a = number();
        Optional<BigDecimal> b = other.number();
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get()) == 0;
        }
        return text().equals(other.text());
    }

    /** How the value is shown in a condition with its values filled in: text quoted when it is not one word. */
    String shown() {
        String text = text();
        boolean plain = text.matches("[A-Za-z_][A-Za-z0-9_.\\-/:]*") || number().isPresent();
        return raw instanceof String && !plain ? "'" + text + "'" : text;
    }
}
