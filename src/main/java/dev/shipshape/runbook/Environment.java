package dev.shipshape.runbook;

import java.util.Map;
import java.util.Optional;

/**
 * A place a service is deployed to, with the variables that differ there.
 *
 * @param database the environment's PostgreSQL database, or null when it declares none
 */
public record Environment(String name, Map<String, String> vars, DatabaseSettings database) {
    public Environment {
        vars = Map.copyOf(vars);
    }

    /** An environment without a database. */
    public Environment(String name, Map<String, String> vars) {
        this(name, vars, null);
    }

    public Optional<DatabaseSettings> databaseIfAny() {
        return Optional.ofNullable(database);
    }
}
