package dev.shipshape.runbook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit a metric must not cross, as runbooks write it: {@code "> 0.05"}, {@code ">= 2"},
 * {@code "> 2s"}, {@code "> 500ms"}, {@code "> 5%"}. Durations are held in seconds and percentages
 * as fractions, the units metric queries return.
 *
 * @param comparison how a value is compared with the limit
 * @param limit      the limit in base units (seconds, fractions)
 * @param text       as written, for reasons and plans
 */
public record Threshold(Comparison comparison, double limit, String text) {

    /** The comparisons a threshold can use; a value that satisfies it breaches the threshold. */
    public enum Comparison {
        GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|%)?\\s*");

    /** The threshold, or empty when the text is not one. */
    public static Optional<Threshold> parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Comparison comparison = switch (m.group(1)) {
            case ">" -> Comparison.GREATER;
            case ">=" -> Comparison.GREATER_OR_EQUAL;
            case "<" -> Comparison.LESS;
            default -> Comparison.LESS_OR_EQUAL;
        };
        double number = Double.parseDouble(m.group(2));
        String unit = m.group(3) == null ? "" : m.group(3);
        double limit = switch (unit) {
            case "ms" -> number / 1000;
            case "%" -> number / 100;
            default -> number;
        };
        return Optional.of(new Threshold(comparison, limit, text.trim()));
    }

    /** Whether the value crosses this threshold. */
    public boolean breachedBy(double value) {
        return switch (comparison) {
            case GREATER -> value > limit;
            case GREATER_OR_EQUAL -> value >= limit;
            case LESS -> value < limit;
            case LESS_OR_EQUAL -> value <= limit;
        };
    }

    /** The limit as a number in base units: {@code 0.1}, {@code 2}. */
    public String limitText() {
        return format(limit);
    }

    /** A measured value the way reasons show it: up to four significant decimals. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString().toLowerCase(Locale.ROOT);
    }
}
