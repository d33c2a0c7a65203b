package dev.shipshape.runbook;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code wait_until:} polls a condition until it holds {@code successes} times in a row, or fails
 * with the last result once {@code within} has passed.
 *
 * @param target the environment's database, bound when planning; used only by a {@link Query}
 */
public record WaitUntilStep(Condition condition, Duration interval, Duration within, int successes,
                            DatabaseTarget target, StepOptions options) implements Step, UsesDatabase {

    /** What is polled. */
    public sealed interface Condition {
        String describe();

        Condition mapStrings(UnaryOperator<String> f);
    }

    /** A command that holds when it exits 0. */
    public record Command(String run) implements Condition {
        @Override
        public String describe() {
            return run;
        }

        @Override
        public Command mapStrings(UnaryOperator<String> f) {
            return new Command(f.apply(run));
        }
    }

    /** A request that holds when its expectations are met. */
    public record Request(HttpStep request) implements Condition {
        @Override
        public String describe() {
            return request.summary();
        }

        @Override
        public Request mapStrings(UnaryOperator<String> f) {
            return new Request(request.mapStrings(f));
        }
    }

    /** A read-only query on the environment's database that holds when it returns true. */
    public record Query(String sql) implements Condition {
        @Override
        public String describe() {
            return "sql " + sql.strip().replaceAll("\\s+", " ");
        }

        @Override
        public Query mapStrings(UnaryOperator<String> f) {
            return new Query(f.apply(sql));
        }
    }

    @Override
    public String kind() {
        return "wait_until";
    }

    @Override
    public String summary() {
        return "until " + condition.describe() + " (every " + Durations.format(interval) + ", within "
                + Durations.format(within) + (successes > 1 ? ", " + successes + "x in a row" : "") + ")";
    }

    @Override
    public Duration defaultTimeout() {
        return within.plusSeconds(30);
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public boolean needsDatabase() {
        return condition instanceof Query;
    }

    @Override
    public WaitUntilStep mapStrings(UnaryOperator<String> f) {
        return new WaitUntilStep(condition.mapStrings(f), interval, within, successes, DatabaseTarget.map(target, f),
                options.mapStrings(f));
    }

    @Override
    public WaitUntilStep bind(DatabaseTarget target) {
        return new WaitUntilStep(condition, interval, within, successes, target, options);
    }
}
