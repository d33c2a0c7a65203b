package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Repeat;
import dev.shipshape.runbook.condition.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code repeat: {every: 15m, for: 2h}} on a step: {@code every} (required, more than 0) and at least one of
 * {@code for}, {@code until} (a condition, as {@code when:} writes it) and {@code times} (1 or more).
 */
final class RepeatReader {

    static final String KEY = "repeat";
    private static final List<String> KEYS = List.of("every", "for", "until", "times");
    private static final String EXPECTED = "a map such as {every: 15m, for: 2h}";

    private final Values values;
    private final ConditionReader conditions;

    RepeatReader(Values values, ConditionReader conditions) {
        this.values = values;
        this.conditions = conditions;
    }

    /** The step's repetition, or null when it has none or it cannot be read (a problem is recorded). */
    Repeat read(Fields step) {
        return step.optional(KEY).flatMap(node -> Fields.of(node, step.path(KEY), values, EXPECTED))
                .flatMap(this::repeat).orElse(null);
    }

    private Optional<Repeat> repeat(Fields f) {
        f.allowOnly(KEYS);
        Optional<Duration> every = f.required("every").flatMap(n -> f.duration("every"));
        Duration span = f.duration("for").orElse(null);
        Condition until = conditions.read(f, "until");
        Integer times = f.integer("times").orElse(null);
        boolean fine = every.isPresent();
        if (every.isPresent() && every.get().isZero()) {
            values.problems().add(f.node("every").orElseThrow(), f.path("every"), "every must be more than 0s",
                    "write e.g. every: 15m");
            fine = false;
        }
        if (span != null && span.isZero()) {
            values.problems().add(f.node("for").orElseThrow(), f.path("for"), "for must be more than 0s",
                    "write e.g. for: 2h");
            fine = false;
        }
        if (times != null && times < 1) {
            values.problems().add(f.node("times").orElseThrow(), f.path("times"), "times must be 1 or more, got "
                    + times, null);
            fine = false;
        }
        boolean bounded = f.optional("for").isPresent() || f.optional("until").isPresent()
                || f.optional("times").isPresent();
        if (!bounded) {
            values.problems().add(f.mapping(), f.path(), "repeat needs an end: for, until or times",
                    "write e.g. {every: 15m, for: 2h} or {every: 1h, until: \"${steps.check.exit} == 0\"}");
            fine = false;
        }
        return fine ? Optional.of(new Repeat(every.get(), span, until, times)) : Optional.empty();
    }
}
