package dev.shipshape.runbook;

import dev.shipshape.runbook.gates.Gates;
import java.util.Map;
import java.util.Optional;

/**
 * A place a service is deployed to, with the variables that differ there, the gates a
 * deployment must pass (windows, promotion, checklist) and its PostgreSQL database.
 *
 * @param database the environment's PostgreSQL database, or null when it declares none
 */
public record Environment(String name, Map<String, String> vars, Gates gates, DatabaseSettings database) {
    public Environment {
        vars = Map.copyOf(vars);
        gates = gates == null ? Gates.none() : gates;
    }

    /** An environment without gates or a database. */
    public Environment(String name, Map<String, String> vars) {
        this(name, vars, Gates.none(), null);
    }

    /** Whether this environment is production: its name starts with {@code prod} ({@code prod}, {@code production-eu}). */
    public boolean production() {
        return isProduction(name);
    }

    /** The rule of {@link #production()} for an environment known by name. */
    public static boolean isProduction(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).startsWith("prod");
    }

    public Optional<DatabaseSettings> databaseIfAny() {
        return Optional.ofNullable(database);
    }
}
