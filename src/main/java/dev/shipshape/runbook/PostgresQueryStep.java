package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * {@code postgres.query}: runs a query in a read-only transaction and checks its result, e.g.
 * "no orphaned records" as {@code expect: {rows: 0}}.
 */
public record PostgresQueryStep(SqlCheck check, DatabaseTarget target, StepOptions options)
        implements Step, UsesDatabase {

    @Override
    public String kind() {
        return "postgres.query";
    }

    @Override
    public String summary() {
        return check.sql().strip().replaceAll("\\s+", " ");
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public java.time.Duration defaultTimeout() {
        return java.time.Duration.ofMinutes(5);
    }

    @Override
    public PostgresQueryStep mapStrings(UnaryOperator<String> f) {
        return new PostgresQueryStep(check.mapStrings(f), DatabaseTarget.map(target, f), options.mapStrings(f));
    }

    @Override
    public PostgresQueryStep bind(DatabaseTarget target) {
        return new PostgresQueryStep(check, target, options);
    }
}
