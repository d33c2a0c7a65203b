package dev.shipshape.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code postgres.migrate}: applies pending Flyway migrations (safety lint first, backup first
 * when the environment has a backup policy), then checks that the expected tables and columns exist.
 *
 * @param migrations   the migrations folder, or null for the environment's {@code migrations}
 * @param expectTables table name to the columns it must have after migrating (may be empty)
 */
public record PostgresMigrateStep(String migrations, Map<String, List<String>> expectTables, DatabaseTarget target,
                                  StepOptions options) implements Step, UsesDatabase {

    public PostgresMigrateStep {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        expectTables.forEach((table, columns) -> copy.put(table, List.copyOf(columns)));
        expectTables = java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public String kind() {
        return "postgres.migrate";
    }

    @Override
    public String summary() {
        return "migrate the database" + (migrations == null ? "" : " with " + migrations);
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public PostgresMigrateStep mapStrings(UnaryOperator<String> f) {
        return new PostgresMigrateStep(migrations == null ? null : f.apply(migrations), expectTables,
                DatabaseTarget.map(target, f), options.mapStrings(f));
    }

    @Override
    public PostgresMigrateStep bind(DatabaseTarget target) {
        return new PostgresMigrateStep(migrations, expectTables, target, options);
    }
}
