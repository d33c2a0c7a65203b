package dev.shipshape.postgres.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema facts of a live database, read from its catalog ({@code db lint --env ENV}): column
 * types, indexed columns, validated CHECK constraints, partitioned tables, partitions, materialized
 * views, and whether the server's TimeZone is UTC. Only reads.
 */
public final class CatalogSchema {

    private static final String NAME = "CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || "
            + "c.relname END";
    private static final String USER_RELATIONS = " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg_toast%'";

    private CatalogSchema() {
    }

    public static Schema read(Connection c) throws SQLException {
        Schema schema = Schema.unknown();
        try (Statement st = c.createStatement()) {
            rows(st, "SELECT " + NAME + ", c.relkind = 'p', c.relispartition, c.relkind = 'm', EXISTS (SELECT 1 "
                    + "FROM pg_partitioned_table p WHERE p.partrelid = c.oid AND p.partdefid <> 0)" + USER_RELATIONS,
                    rs -> {
                        schema.kind(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4));
                        if (rs.getBoolean(5)) {
                            schema.defaultPartition(rs.getString(1));
                        }
                    });
            rows(st, "SELECT " + NAME + ", a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN "
                    + "pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.attnum > 0 "
                    + "AND NOT a.attisdropped AND c.oid IN (SELECT c.oid" + USER_RELATIONS + ")",
                    rs -> schema.column(rs.getString(1), rs.getString(2), rs.getString(3)));
            rows(st, "SELECT " + NAME + ", a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN "
                    + "pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
                    + "a.attnum = ANY (i.indkey)", rs -> schema.index(rs.getString(1), rs.getString(2)));
            rows(st, "SELECT " + NAME + ", a.attname, pg_get_constraintdef(k.oid) ~* ('^CHECK \\(\\(?' || "
                    + "quote_ident(a.attname) || ' IS NOT NULL\\)?\\)$') FROM pg_constraint k JOIN pg_class c ON "
                    + "c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON "
                    + "a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) WHERE k.contype = 'c' AND k.convalidated",
                    rs -> schema.check(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            rows(st, "SELECT current_setting('TimeZone') IN ('UTC', 'Etc/UTC', 'GMT', 'Etc/GMT')",
                    rs -> schema.timeZoneUtc(rs.getBoolean(1)));
        }
        return schema;
    }

    private interface Row {
        void take(ResultSet rs) throws SQLException;
    }

    private static void rows(Statement st, String sql, Row row) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.take(rs);
            }
        }
    }
}
