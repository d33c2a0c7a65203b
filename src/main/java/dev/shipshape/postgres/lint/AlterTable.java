package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code ALTER TABLE}: each action of the statement judged on its own; the worst one counts. */
final class AlterTable {

    private AlterTable() {
    }

    static Rules.Judgement judge(Rules rules, String sql, Set<String> created) {
        String table = sql.replaceFirst("^ALTER TABLE (IF EXISTS )?(ONLY )?", "").split("[ (]", 2)[0];
        String actions = sql.replaceFirst("^ALTER TABLE (IF EXISTS )?(ONLY )?\\S+\\s*", "");
        if (created.contains(table)) {
            return Rules.safe("none", "alters a table created in this migration");
        }
        List<Rules.Judgement> judged = new ArrayList<>();
        for (String action : splitTopLevel(actions)) {
            judged.add(action(rules, action.strip()));
        }
        return Rules.worst(judged);
    }

    private static Rules.Judgement action(Rules rules, String a) {
        if (a.startsWith("ADD COLUMN") || (a.startsWith("ADD ") && !a.startsWith("ADD CONSTRAINT")
                && !a.matches("ADD (PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE).*"))) {
            return addColumn(rules, a);
        }
        if (a.startsWith("ADD")) {
            return Constraints.add(a);
        }
        if (a.startsWith("VALIDATE CONSTRAINT")) {
            return j(Verdict.SAFE, "SHARE UPDATE EXCLUSIVE", "scan", true, "checks existing rows without blocking "
                    + "reads or writes", null);
        }
        if (a.startsWith("DROP CONSTRAINT")) {
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "brief ACCESS EXCLUSIVE lock, queued behind "
                    + "running queries", "set a lock_timeout and retry");
        }
        if (a.startsWith("DROP")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "none", false, "drops a column the running application may "
                    + "still read or write", "stop using the column in the application, deploy, then drop it in a "
                    + "later migration (contract step)");
        }
        if (a.startsWith("RENAME")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "none", false, "renames what the running application "
                    + "refers to by its old name", "add the new column (or a view), write both, switch the "
                    + "application, then drop the old one");
        }
        if (a.matches("ALTER (COLUMN )?\\S+ (SET DATA )?TYPE .*")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", false, "changing a column's type rewrites the "
                    + "table under ACCESS EXCLUSIVE (blocks reads and writes)", "add a new column of the new type, "
                    + "backfill in batches, switch the application, drop the old column");
        }
        if (a.matches("ALTER (COLUMN )?\\S+ SET NOT NULL.*")) {
            return setNotNull(rules);
        }
        if (a.matches("ALTER (COLUMN )?\\S+ (DROP NOT NULL|SET DEFAULT|DROP DEFAULT|SET STATISTICS).*")) {
            return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "changes only the catalog: brief lock", null);
        }
        if (a.matches("SET (LOGGED|UNLOGGED|TABLESPACE).*")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "rewrites the whole table under ACCESS "
                    + "EXCLUSIVE", "do it in a maintenance window");
        }
        return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "ALTER TABLE action not recognised; most take "
                + "ACCESS EXCLUSIVE", "review it by hand");
    }

    private static Rules.Judgement addColumn(Rules rules, String a) {
        boolean notNull = a.contains("NOT NULL");
        boolean hasDefault = a.contains(" DEFAULT ");
        if (a.contains("GENERATED ALWAYS AS") && a.contains("STORED") || Rules.volatileDefault(a)) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "a volatile default or stored generated "
                    + "column rewrites every row under ACCESS EXCLUSIVE", "add the column without a default, "
                    + "backfill in batches, then set the default");
        }
        if (hasDefault && rules.pgVersion() < 11) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "before PostgreSQL 11 a column with a "
                    + "DEFAULT rewrites the table under ACCESS EXCLUSIVE", "add the column without a default, set "
                    + "the default, then backfill in batches");
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

    private static Rules.Judgement setNotNull(Rules rules) {
        String alternative = rules.pgVersion() >= 12 ? "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, "
                + "then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check"
                : "keep a validated CHECK (col IS NOT NULL) NOT VALID constraint instead";
        return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "scans the whole table under ACCESS EXCLUSIVE "
                + "(blocks reads and writes)", alternative);
    }

    /** Splits "ADD a int, ADD b int" at commas outside parentheses. */
    static List<String> splitTopLevel(String actions) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < actions.length(); i++) {
            char c = actions.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(actions.substring(from, i));
                from = i + 1;
            }
        }
        out.add(actions.substring(from));
        return out;
    }
}
