package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

/** Statements other than CREATE/DROP TABLE, indexes and ALTER TABLE. */
final class Other {

    private Other() {
    }

    static Rules.Judgement judge(Rules rules, String sql) {
        if (sql.matches("(CREATE|CREATE OR REPLACE) (VIEW|FUNCTION|PROCEDURE|SEQUENCE|TYPE|SCHEMA|EXTENSION|TRIGGER"
                + "|MATERIALIZED VIEW|DOMAIN).*") || sql.matches("(COMMENT|GRANT|REVOKE|SET|SELECT|INSERT) .*")) {
            return Rules.safe("none", "adds or reads without blocking the application's tables");
        }
        if (sql.startsWith("ALTER TYPE") && sql.contains("ADD VALUE")) {
            return rules.pgVersion() >= 12 ? Rules.safe("none", "adds an enum value (catalog only)")
                    : j(Verdict.CAUTION, "none", "none", true, "before PostgreSQL 12 ADD VALUE cannot run inside a "
                    + "transaction", "put it in a migration of its own");
        }
        if (sql.startsWith("TRUNCATE")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "none", false, "deletes every row", "delete in batches, or "
                    + "make sure the data is not needed");
        }
        if (sql.startsWith("UPDATE") || sql.startsWith("DELETE")) {
            boolean all = !sql.contains(" WHERE ");
            return j(Verdict.CAUTION, "ROW EXCLUSIVE", all ? "scan" : "none", true, (all ? "changes every row"
                    : "changes rows") + " in one transaction, holding their row locks until commit",
                    "backfill in batches of a few thousand rows, outside the schema migration");
        }
        if (sql.startsWith("VACUUM FULL") || sql.startsWith("CLUSTER")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "rewrites the table under ACCESS EXCLUSIVE",
                    "pg_repack, or a maintenance window");
        }
        if (sql.startsWith("REINDEX")) {
            if (sql.contains("CONCURRENTLY") && rules.pgVersion() >= 12) {
                return j(Verdict.SAFE, "SHARE UPDATE EXCLUSIVE", "scan", true, "rebuilds without blocking", null);
            }
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "blocks writes (and reads using the index) "
                    + "while rebuilding", rules.pgVersion() >= 12 ? "REINDEX CONCURRENTLY"
                    : "CREATE INDEX CONCURRENTLY a copy, then drop the old index");
        }
        if (sql.startsWith("REFRESH MATERIALIZED VIEW") && !sql.contains("CONCURRENTLY")) {
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "rewrite", true, "blocks reads of the view while it "
                    + "refreshes", "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index)");
        }
        if (sql.matches("DROP (VIEW|FUNCTION|PROCEDURE|SEQUENCE|TYPE|SCHEMA|MATERIALIZED VIEW|TRIGGER).*")) {
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", false, "the running application may still use it",
                    "drop it in a release after the application stopped using it");
        }
        if (sql.startsWith("LOCK")) {
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "takes an explicit lock for the rest of the "
                    + "transaction", "set a lock_timeout");
        }
        return j(Verdict.CAUTION, "unknown", "unknown", true, "statement not recognised by the lint",
                "review it by hand");
    }
}
