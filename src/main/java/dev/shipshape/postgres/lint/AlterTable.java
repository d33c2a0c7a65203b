package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER TABLE}: each subform judged on its own with the lock the ALTER TABLE reference gives
 * it; the worst one counts, holding the strongest lock of them all.
 */
final class AlterTable {

    private static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";

    private AlterTable() {
    }

    static Rules.Judgement judge(Facts facts, String sql) {
        String table = sql.replaceFirst("^ALTER TABLE (IF EXISTS )?(ONLY )?", "").split("[ (]", 2)[0];
        String actions = sql.replaceFirst("^ALTER TABLE (IF EXISTS )?(ONLY )?\\S+\\s*", "");
        if (facts.createdHere(table)) {
            return Rules.safe("none", "alters a table created in this migration").on(table, false);
        }
        List<Rules.Judgement> judged = new ArrayList<>();
        String lock = "none";
        for (String action : splitTopLevel(actions)) {
            Rules.Judgement one = action(facts, table, action.strip());
            judged.add(one);
            lock = Locks.stronger(lock, one.lock());
        }
        Rules.Judgement worst = Rules.worst(judged);
        return new Rules.Judgement(worst.verdict(), lock, worst.rewrite(), worst.appCompatible(), worst.reason(),
                worst.alternative(), worst.relation() == null ? table : worst.relation(), worst.assumed(), false);
    }

    private static Rules.Judgement action(Facts facts, String table, String a) {
        if (a.startsWith("ADD COLUMN") || (a.startsWith("ADD ") && !a.startsWith("ADD CONSTRAINT")
                && !a.matches("ADD (PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE).*"))) {
            return AddColumn.judge(facts, a);
        }
        if (a.startsWith("ADD")) {
            return Constraints.add(a);
        }
        if (a.startsWith("VALIDATE CONSTRAINT")) {
            return j(Verdict.SAFE, SHARE_UPDATE_EXCLUSIVE, "scan", true, "checks existing rows without blocking "
                    + "reads or writes", null);
        }
        if (a.startsWith("DROP CONSTRAINT") || a.startsWith("ALTER CONSTRAINT")) {
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "brief ACCESS EXCLUSIVE lock, queued behind "
                    + "running queries", "set a lock_timeout and retry");
        }
        if (a.startsWith("RENAME CONSTRAINT")) {
            return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "renames a constraint: catalog only", null);
        }
        if (a.matches("(ATTACH|DETACH) PARTITION .*")) {
            return partition(facts, table, a);
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
        Optional<Rules.Judgement> column = AlterColumn.judge(facts, table, a);
        return column.orElseGet(() -> tableWide(a));
    }

    /** Subforms on the whole table: persistence, storage parameters, triggers, clustering, inheritance. */
    private static Rules.Judgement tableWide(String a) {
        if (a.matches("SET (LOGGED|UNLOGGED|TABLESPACE).*") || a.matches("SET ACCESS METHOD (?!HEAP\\b).*")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", true, "rewrites the whole table under ACCESS "
                    + "EXCLUSIVE", "do it in a maintenance window");
        }
        if (a.matches("(SET|RESET) \\((\\s*(FILLFACTOR|AUTOVACUUM_\\w+|TOAST\\.\\w+|PARALLEL_WORKERS|"
                + "TOAST_TUPLE_TARGET)\\b[^,]*,?)+\\)") || a.matches("(CLUSTER ON|SET WITHOUT CLUSTER|INHERIT|"
                + "NO INHERIT)\\b.*")) {
            return j(Verdict.SAFE, SHARE_UPDATE_EXCLUSIVE, "none", true, "takes SHARE UPDATE EXCLUSIVE: reads and "
                    + "writes go on", null);
        }
        if (a.matches("(ENABLE|DISABLE) (ALWAYS |REPLICA )?TRIGGER.*")) {
            return j(Verdict.SAFE, "SHARE ROW EXCLUSIVE", "none", true, "switches triggers: catalog only, brief "
                    + "lock that blocks writes", null);
        }
        if (a.matches("(SET ACCESS METHOD HEAP|SET WITHOUT OIDS|REPLICA IDENTITY|OWNER TO|(ENABLE|DISABLE|FORCE|NO "
                + "FORCE) ROW LEVEL SECURITY|(ENABLE|DISABLE) (ALWAYS |REPLICA )?RULE|SET SCHEMA|OF |NOT OF|SET \\()"
                + ".*")) {
            return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "changes only the catalog: brief lock", null)
                    .assuming(a.startsWith("SET ACCESS METHOD HEAP") ? "assumed the table already uses heap, "
                            + "the default" : null);
        }
        return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "ALTER TABLE action not recognised; most take "
                + "ACCESS EXCLUSIVE", "review it by hand");
    }

    private static Rules.Judgement partition(Facts facts, String parent, String a) {
        String partition = a.split(" ")[2];
        if (a.startsWith("DETACH")) {
            if (a.endsWith(" CONCURRENTLY") && facts.pgVersion() >= 14) {
                return j(Verdict.SAFE, SHARE_UPDATE_EXCLUSIVE, "none", true, "detaches without blocking reads or "
                        + "writes (must run outside a transaction)", null);
            }
            return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "brief ACCESS EXCLUSIVE on the parent and "
                    + "the partition, queued behind running queries", facts.pgVersion() >= 14 ? "DETACH PARTITION "
                    + "... CONCURRENTLY" : "set a lock_timeout and retry").on(parent, false);
        }
        boolean defaultToo = facts.table(parent).map(t -> t.hasDefaultPartition).orElse(false);
        String parentLock = facts.pgVersion() >= 12 ? SHARE_UPDATE_EXCLUSIVE + " on the parent" : ACCESS_EXCLUSIVE
                + " on the parent";
        return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "scans " + partition.toLowerCase() + " under "
                + "ACCESS EXCLUSIVE to prove its rows fit the bound (" + parentLock + (defaultToo ? "; the default "
                + "partition is scanned too" : "") + "); PostgreSQL skips the scan only when a validated CHECK "
                + "constraint implies the bound", "fill and check the table before attaching it while nothing uses "
                + "it, with a CHECK constraint matching the bound").on(partition, false);
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
