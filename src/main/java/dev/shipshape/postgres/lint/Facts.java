package dev.shipshape.postgres.lint;

import java.util.Optional;
import java.util.Set;

/**
 * What a rule may know about the statement's surroundings: the server version, the schema, and
 * the tables created earlier in the same migration (nothing uses them yet).
 */
record Facts(int pgVersion, Schema schema, Set<String> created) {

    boolean createdHere(String table) {
        return created.contains(Schema.key(table));
    }

    Optional<Schema.Table> table(String name) {
        return schema.table(name);
    }

    boolean materializedView(String name) {
        return table(name).map(t -> t.materializedView).orElse(false);
    }

    /** Said in a verdict that depended on a fact the lint did not have. */
    String unknown(String table, String what) {
        return table(table).isPresent() ? null : "assumed " + what + " (" + Schema.key(table).toLowerCase(java.util
                .Locale.ROOT) + " is not in the known schema; give --schema FILE.sql or --env ENV)";
    }
}
