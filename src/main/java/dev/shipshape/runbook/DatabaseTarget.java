package dev.shipshape.runbook;

import java.util.function.UnaryOperator;

/**
 * The database a PostgreSQL step works on: the environment's settings, bound by the planner,
 * with the service and environment that name its backups.
 */
public record DatabaseTarget(String service, String environment, DatabaseSettings settings) {

    /** The same target with every string of its settings passed through {@code f} (resolving references). */
    public DatabaseTarget mapStrings(UnaryOperator<String> f) {
        return new DatabaseTarget(service, environment, settings.mapStrings(f));
    }

    static DatabaseTarget map(DatabaseTarget target, UnaryOperator<String> f) {
        return target == null ? null : target.mapStrings(f);
    }
}
