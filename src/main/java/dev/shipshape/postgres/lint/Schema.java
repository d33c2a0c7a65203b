package dev.shipshape.postgres.lint;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the lint knows of the schema a migration runs against: per table its columns and their
 * types, which columns are indexed, which have a validated {@code CHECK (col IS NOT NULL)} or any
 * CHECK at all, whether it is partitioned, a partition or a materialized view. Filled from SQL
 * ({@link SchemaSql}: earlier migrations, {@code --schema FILE.sql}) or from a database's catalog.
 * Names are upper-cased without quotes and without the {@code public.} schema, as the rules see them.
 */
public final class Schema {

    /** A table of the schema. */
    public static final class Table {
        final Map<String, String> columnTypes = new LinkedHashMap<>();
        final Set<String> indexed = new LinkedHashSet<>();
        final Set<String> notNullChecked = new LinkedHashSet<>();
        final Set<String> checked = new LinkedHashSet<>();
        final Map<String, String> pendingNotNullChecks = new LinkedHashMap<>();
        boolean partitioned;
        boolean partition;
        boolean materializedView;
        boolean hasDefaultPartition;
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private boolean known;
    private boolean timeZoneUtc;

    /** An empty schema that knows nothing: every rule needing a fact says what it assumed. */
    public static Schema unknown() {
        return new Schema();
    }

    /** Whether facts were given at all (a schema file, earlier migrations or a catalog). */
    public boolean known() {
        return known;
    }

    Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    /** The table, created empty if new; marks the schema as known. */
    Table define(String name) {
        known = true;
        return tables.computeIfAbsent(key(name), k -> new Table());
    }

    void drop(String name) {
        tables.remove(key(name));
    }

    void rename(String from, String to) {
        Table t = tables.remove(key(from));
        if (t != null) {
            tables.put(key(to), t);
        }
    }

    // The catalog reader's entry points (public: the reader lives in another package).

    public void column(String table, String column, String type) {
        define(table).columnTypes.put(key(column), canonicalType(type));
    }

    public void index(String table, String column) {
        define(table).indexed.add(key(column));
    }

    public void check(String table, String column, boolean notNull) {
        Table t = define(table);
        t.checked.add(key(column));
        if (notNull) {
            t.notNullChecked.add(key(column));
        }
    }

    public void kind(String table, boolean partitioned, boolean partition, boolean materializedView) {
        Table t = define(table);
        t.partitioned = partitioned;
        t.partition = partition;
        t.materializedView = materializedView;
    }

    /** The server's TimeZone is UTC: then timestamp to timestamptz needs no rewrite (PostgreSQL 12+). */
    public void timeZoneUtc(boolean utc) {
        timeZoneUtc = utc;
    }

    boolean timeZoneUtc() {
        return timeZoneUtc;
    }

    public void defaultPartition(String parent) {
        define(parent).hasDefaultPartition = true;
    }

    /** One spelling per type, as {@code format_type} and migrations write it differently: {@code INTEGER}, {@code VARCHAR(10)}. */
    static String canonicalType(String type) {
        String t = type.toUpperCase(Locale.ROOT).strip().replaceAll("\\s*([(),])\\s*", "$1").replaceAll("\\s+", " ");
        t = t.replace("CHARACTER VARYING", "VARCHAR").replace("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP")
                .replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ").replace("DECIMAL", "NUMERIC");
        return switch (t) {
            case "INT", "INT4" -> "INTEGER";
            case "INT8" -> "BIGINT";
            case "INT2" -> "SMALLINT";
            case "BOOL" -> "BOOLEAN";
            case "FLOAT8", "DOUBLE PRECISION" -> "DOUBLE PRECISION";
            default -> t;
        };
    }

    /** Upper case, quotes and the {@code public.} schema removed. */
    static String key(String name) {
        return name.replace("\"", "").toUpperCase(Locale.ROOT).replaceFirst("^PUBLIC\\.", "");
    }
}
