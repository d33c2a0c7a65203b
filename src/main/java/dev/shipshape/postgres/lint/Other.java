package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Statements other than CREATE/DROP TABLE, indexes and ALTER TABLE. */
final class Other {

    private static final Pattern FROM = Pattern.compile("\\bFROM (?!\\()(?:ONLY )?([\\w.]+)");
    private static final Pattern TARGET = Pattern.compile("^(?:UPDATE|DELETE FROM|TRUNCATE(?: TABLE)?|LOCK(?: "
            + "TABLE)?|VACUUM(?: \\(.*?\\))?(?: FULL| ANALYZE| VERBOSE| FREEZE)*|CLUSTER|ANALYZE|REFRESH MATERIALIZED "
            + "VIEW(?: CONCURRENTLY)?|INSERT INTO) (?:ONLY )?([\\w.]+)");
    private static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";

    private Other() {
    }

    static Rules.Judgement judge(Rules rules, String sql, Facts facts) {
        Matcher target = TARGET.matcher(sql);
        String table = target.find() ? target.group(1) : null;
        Rules.Judgement j = judged(rules, sql, facts, table);
        return j.relation() != null || table == null ? j : j.on(table, j.readOnly());
    }

    private static Rules.Judgement judged(Rules rules, String sql, Facts facts, String table) {
        if (sql.matches("(BEGIN|COMMIT|START TRANSACTION|END|SET|RESET)\\b.*")) {
            return Rules.safe("none", "session or transaction control");
        }
        if (sql.startsWith("SELECT") || sql.startsWith("INSERT") || sql.startsWith("UPDATE")
                || sql.startsWith("DELETE")) {
            return dml(sql, facts);
        }
        if (sql.matches("(CREATE|CREATE OR REPLACE) (VIEW|FUNCTION|PROCEDURE|SEQUENCE|TYPE|SCHEMA|EXTENSION"
                + "|DOMAIN).*") || sql.matches("(COMMENT|GRANT|REVOKE|ALTER SEQUENCE|ALTER INDEX) .*")) {
            return Rules.safe("none", "adds or changes the catalog without blocking the application's tables");
        }
        if (sql.matches("CREATE (OR REPLACE )?(CONSTRAINT )?TRIGGER .*")) {
            return j(Verdict.SAFE, "SHARE ROW EXCLUSIVE", "none", true, "adds a trigger: brief lock that blocks "
                    + "writes", null).on(sql.replaceFirst(".* ON (\\S+) .*", "$1"), false);
        }
        if (sql.startsWith("CREATE MATERIALIZED VIEW")) {
            Matcher from = FROM.matcher(sql);
            return j(Verdict.SAFE, "ACCESS SHARE", "scan", true, "fills a new materialized view: reads without "
                    + "blocking", null).on(from.find() ? from.group(1) : null, false);
        }
        if (sql.startsWith("ALTER TYPE") && sql.contains("ADD VALUE")) {
            return rules.pgVersion() >= 12 ? Rules.safe("none", "adds an enum value (catalog only)")
                    : j(Verdict.CAUTION, "none", "none", true, "before PostgreSQL 12 ADD VALUE cannot run inside a "
                    + "transaction", "put it in a migration of its own");
        }
        if (sql.startsWith("TRUNCATE")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", false, "deletes every row (the table gets a new, "
                    + "empty file)", "delete in batches, or make sure the data is not needed");
        }
        return maintenance(rules, sql, facts, table);
    }

    private static Rules.Judgement dml(String sql, Facts facts) {
        Matcher from = FROM.matcher(sql);
        boolean reads = sql.startsWith("SELECT") ? from.find() : sql.startsWith("INSERT") ? from.find()
                : !sql.contains(" WHERE ");
        String source = sql.startsWith("SELECT") || sql.startsWith("INSERT") ? reads ? from.group(1) : null : null;
        String lock = sql.startsWith("SELECT") ? "ACCESS SHARE" : "ROW EXCLUSIVE";
        if (sql.startsWith("SELECT")) {
            return j(Verdict.SAFE, reads ? lock : "none", reads ? "scan" : "none", true, reads ? "reads the table; "
                    + "in a transaction that holds a strong lock the application waits for the read" : "calls a "
                    + "function", null).on(source, false);
        }
        Rules.Judgement j = j(reads ? Verdict.CAUTION : Verdict.SAFE, lock, reads ? "scan" : "none", true,
                (reads ? "changes or reads every row" : "changes rows") + " in one transaction, holding their row "
                        + "locks until commit", reads ? "backfill in batches of a few thousand rows, outside the "
                        + "schema migration" : null);
        return source != null ? j.on(source, false) : j;
    }

    private static Rules.Judgement maintenance(Rules rules, String sql, Facts facts, String table) {
        if (sql.startsWith("VACUUM FULL") || sql.matches("VACUUM \\(.*FULL.*") || sql.startsWith("CLUSTER")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "rewrites the table under ACCESS EXCLUSIVE",
                    "pg_repack, or a maintenance window");
        }
        if (sql.startsWith("VACUUM") || sql.startsWith("ANALYZE")) {
            return j(Verdict.SAFE, SHARE_UPDATE_EXCLUSIVE, "scan", true, "reads the table without blocking reads "
                    + "or writes", null);
        }
        if (sql.startsWith("REINDEX")) {
            if (sql.contains("CONCURRENTLY") && rules.pgVersion() >= 12) {
                return j(Verdict.SAFE, SHARE_UPDATE_EXCLUSIVE, "scan", true, "rebuilds without blocking", null);
            }
            return j(Verdict.UNSAFE, "SHARE", "scan", true, "blocks writes, and reads that plan with the index "
                    + "(ACCESS EXCLUSIVE on the index), while rebuilding", rules.pgVersion() >= 12
                    ? "REINDEX CONCURRENTLY" : "CREATE INDEX CONCURRENTLY a copy, then drop the old index");
        }
        if (sql.startsWith("REFRESH MATERIALIZED VIEW")) {
            return refresh(sql, table);
        }
        if (sql.matches("DROP (VIEW|FUNCTION|PROCEDURE|SEQUENCE|TYPE|SCHEMA|MATERIALIZED VIEW|TRIGGER).*")) {
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", false, "the running application may still use it",
                    "drop it in a release after the application stopped using it");
        }
        if (sql.startsWith("LOCK")) {
            Matcher mode = Pattern.compile(" IN (.+) MODE").matcher(sql);
            return j(Verdict.CAUTION, mode.find() ? mode.group(1) : ACCESS_EXCLUSIVE, "none", true, "takes an "
                    + "explicit lock for the rest of the transaction", "set a lock_timeout");
        }
        return j(Verdict.CAUTION, "unknown", "unknown", true, "statement not recognised by the lint",
                "review it by hand");
    }

    private static Rules.Judgement refresh(String sql, String view) {
        if (sql.contains("CONCURRENTLY")) {
            return j(Verdict.SAFE, "EXCLUSIVE", "scan", true, "refreshes while the view stays readable (needs a "
                    + "unique index)", null).on(view, true);
        }
        return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "blocks reads of the view while it refreshes",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index)").on(view, true);
    }
}
