package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

/** {@code ALTER TABLE ... ADD COLUMN}: defaults, identity and generated columns, inline constraints. */
final class AddColumn {

    private AddColumn() {
    }

    static Rules.Judgement judge(Facts facts, String a) {
        boolean notNull = a.contains("NOT NULL");
        boolean hasDefault = a.contains(" DEFAULT ");
        if (a.contains("GENERATED ALWAYS AS (") && a.contains("STORED") || a.contains(" AS IDENTITY")
                || Rules.volatileDefault(a)) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "a volatile default, identity or stored "
                    + "generated column writes a value into every row: the table is rewritten under ACCESS "
                    + "EXCLUSIVE", "add the column without a default, backfill in batches, then set the default");
        }
        if (hasDefault && facts.pgVersion() < 11) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "before PostgreSQL 11 a column with a "
                    + "DEFAULT rewrites the table under ACCESS EXCLUSIVE", "add the column without a default, set "
                    + "the default, then backfill in batches");
        }
        if (a.contains(" UNIQUE") || a.contains(" PRIMARY KEY")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "builds a unique index over the whole table "
                    + "under ACCESS EXCLUSIVE", "add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD "
                    + "CONSTRAINT ... USING INDEX");
        }
        if (a.contains(" CHECK")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "checks the new column's CHECK over every row "
                    + "under ACCESS EXCLUSIVE", "add the column, then ADD CONSTRAINT ... CHECK ... NOT VALID and "
                    + "VALIDATE it in a transaction of its own");
        }
        if (notNull && !hasDefault) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", false, "NOT NULL without a DEFAULT fails on a "
                    + "non-empty table, and the running application's inserts omit the column", "add it nullable, "
                    + "backfill, add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL");
        }
        return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, hasDefault ? "a constant DEFAULT is stored in the "
                + "catalog since PostgreSQL 11: no rewrite, brief lock" : "a nullable column: catalog only, brief "
                + "lock", null);
    }
}
