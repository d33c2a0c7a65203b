package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * {@code postgres.sql}: runs statements that write (invalidate sessions, switch to read-only, end backends by
 * a condition) in one read-write transaction, reporting the rows each statement affected. In a production
 * environment it runs only when the step says {@code safe: true} or the run was confirmed; {@code written}
 * is where the step is, for that refusal.
 *
 * @param sql     one or more statements, separated by {@code ;}
 * @param safe    reviewed as safe for production: no confirmation needed
 * @param written where {@code postgres.sql} is written in the runbook
 */
public record PostgresSqlStep(String sql, boolean safe, Written written, DatabaseTarget target, StepOptions options)
        implements Step, UsesDatabase {

    /** A place in the runbook: 1-based line and column, and the YAML path such as {@code stages[0].steps[1]}. */
    public record Written(int line, int column, String path) {
    }

    @Override
    public String kind() {
        return "postgres.sql";
    }

    @Override
    public String summary() {
        return "write with SQL: " + sql.strip().replaceAll("\\s+", " ");
    }

    @Override
    public boolean idempotentByDefault() {
        return false;
    }

    @Override
    public java.time.Duration defaultTimeout() {
        return java.time.Duration.ofMinutes(5);
    }

    @Override
    public PostgresSqlStep mapStrings(UnaryOperator<String> f) {
        return new PostgresSqlStep(f.apply(sql), safe, written, DatabaseTarget.map(target, f), options.mapStrings(f));
    }

    @Override
    public PostgresSqlStep bind(DatabaseTarget target) {
        return new PostgresSqlStep(sql, safe, written, target, options);
    }
}
