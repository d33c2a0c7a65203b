package dev.shipshape.runbook;

import dev.shipshape.runbook.condition.Condition;
import java.time.Duration;
import java.time.Instant;

/**
 * A step that runs again and again ({@code repeat: {every: 15m, for: 2h}}): a repetition starts every {@code every}
 * after the first one started, while the time since the first is less than {@code for}, until {@code until} holds
 * after a repetition, or {@code times} repetitions ran, whichever comes first. At least one bound is given.
 * Without {@code until}, a failing repetition fails the step; with it, the condition decides: the step ends
 * succeeded when it holds, and fails when a bound runs out before it did.
 *
 * @param every  the time from the start of one repetition to the start of the next
 * @param span   how long repetitions keep starting ({@code for:}), or null
 * @param until  the condition that ends the repetitions, read after each one, or null
 * @param times  the most repetitions that run, or null
 */
public record Repeat(Duration every, Duration span, Condition until, Integer times) {

    /** Whether a repetition starts at {@code due}, the {@code done + 1}-th, when the first started at {@code first}. */
    public boolean another(int done, Instant first, Instant due) {
        return (times == null || done < times) && (span == null || due.isBefore(first.plus(span)));
    }

    /** How plans say it: {@code repeats every 15m for 2h}, {@code repeats every 1h until ..., at most 48 times}. */
    public String describe() {
        StringBuilder out = new StringBuilder("repeats every ").append(Durations.format(every));
        if (span != null) {
            out.append(" for ").append(Durations.format(span));
        }
        if (until != null) {
            out.append(" until ").append(until.source().strip());
        }
        if (times != null) {
            out.append(span == null && until == null ? ", " : ", at most ").append(times)
                    .append(times == 1 ? " time" : " times");
        }
        return out.toString();
    }
}
