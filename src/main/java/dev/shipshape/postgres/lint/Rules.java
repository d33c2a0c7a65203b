package dev.shipshape.postgres.lint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What each kind of statement does to a live table, by PostgreSQL major version: the lock, whether
 * it scans or rewrites, whether the running application survives it, and the safer way. Pure.
 */
final class Rules {

    /** A judgement before it is tied to a file and line. */
    record Judgement(Verdict verdict, String lock, String rewrite, boolean appCompatible, String reason,
                     String alternative, String relation, String assumed, boolean readOnly) {

        /** Unsafe whenever the application is locked out for a scan or rewrite, whatever the rule said. */
        Verdict finalVerdict() {
            return locksOut() ? Verdict.UNSAFE : verdict;
        }

        /** The same on {@code table}; on a materialized view only reads count. */
        Judgement on(String table, boolean materializedView) {
            return new Judgement(verdict, lock, rewrite, appCompatible, reason, alternative, table, assumed,
                    materializedView);
        }

        Judgement assuming(String what) {
            return what == null ? this : new Judgement(verdict, lock, rewrite, appCompatible, reason, alternative,
                    relation, assumed == null ? what : assumed + "; " + what, readOnly);
        }

        /** Whether the application cannot read or write the relation for the time of a scan or rewrite. */
        boolean locksOut() {
            return locksOut(lock, rewrite, readOnly);
        }

        private static boolean locksOut(String lock, String rewrite, boolean readOnly) {
            return !"none".equals(rewrite) && !"unknown".equals(rewrite) && (readOnly ? Locks.blocksReads(lock)
                    : Locks.blocksWrites(lock));
        }
    }

    static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    private static final Pattern VOLATILE = Pattern.compile("\\b(RANDOM|CLOCK_TIMESTAMP|GEN_RANDOM_UUID|"
            + "UUID_GENERATE_V[14]|NEXTVAL|TIMEOFDAY)\\s*\\(|\\b(BIG|SMALL)?SERIAL\\b");

    private final int pgVersion;

    Rules(int pgVersion) {
        this.pgVersion = pgVersion;
    }

    /**
     * @param sql   the statement, upper-cased, whitespace collapsed, string contents kept
     * @param facts the schema and the tables created earlier in the same migration
     */
    Judgement judge(String sql, Facts facts) {
        if (sql.matches("CREATE (UNLOGGED |TEMP |TEMPORARY )?TABLE .*")) {
            return createTable(sql);
        }
        if (sql.matches("CREATE (UNIQUE )?INDEX.*")) {
            return index(sql, facts);
        }
        if (sql.startsWith("DROP INDEX")) {
            return sql.startsWith("DROP INDEX CONCURRENTLY") ? j(Verdict.SAFE, "SHARE UPDATE EXCLUSIVE", "none",
                    true, "drops the index without blocking", null)
                    : j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "takes ACCESS EXCLUSIVE on the table "
                    + "while dropping, queued behind every running query", "DROP INDEX CONCURRENTLY");
        }
        if (sql.startsWith("DROP TABLE")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "none", false, "drops the table and its data; the running "
                    + "application still uses it", "stop using the table in the application, deploy, then drop it "
                    + "in a later migration (contract step)");
        }
        if (sql.startsWith("ALTER TABLE")) {
            return AlterTable.judge(facts, sql);
        }
        return Other.judge(this, sql, facts);
    }

    private static Judgement createTable(String sql) {
        java.util.regex.Matcher parent = Pattern.compile(" PARTITION OF (\\S+)").matcher(sql);
        if (parent.find()) {
            return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "creates a partition: brief ACCESS EXCLUSIVE on "
                    + "the parent", null).on(parent.group(1), false);
        }
        java.util.regex.Matcher source = Pattern.compile(" AS .*\\bFROM (\\S+)").matcher(sql);
        if (source.find()) {
            return j(Verdict.SAFE, "ACCESS SHARE", "scan", true, "creates a new table from a query: reads the source "
                    + "without blocking it", null).on(source.group(1), false);
        }
        return safe("none", "creates a new table; nothing uses it yet");
    }

    private Judgement index(String sql, Facts facts) {
        java.util.regex.Matcher on = Pattern.compile(" ON (ONLY )?([\\w.]+)").matcher(sql);
        String table = on.find() ? on.group(2) : null;
        if (sql.contains(" CONCURRENTLY")) {
            return j(Verdict.SAFE, "SHARE UPDATE EXCLUSIVE", "scan", true, "builds the index without blocking "
                    + "writes (must run outside a transaction)", null).on(table, false);
        }
        if (table != null && facts.createdHere(table)) {
            return safe("none", "indexes a table created in this migration").on(table, false);
        }
        boolean view = table != null && facts.materializedView(table);
        return j(view ? Verdict.SAFE : Verdict.UNSAFE, "SHARE", "scan", true, view ? "builds the index while "
                + "blocking only writes, and a materialized view is not written" : "blocks all writes to the table "
                + "while the index is built", view ? null : "CREATE INDEX CONCURRENTLY (in a migration of its own)")
                .on(table, view);
    }

    int pgVersion() {
        return pgVersion;
    }

    static boolean volatileDefault(String sql) {
        return VOLATILE.matcher(sql).find();
    }

    static Judgement safe(String rewrite, String reason) {
        return new Judgement(Verdict.SAFE, "none", rewrite, true, reason, null, null, null, false);
    }

    static Judgement j(Verdict verdict, String lock, String rewrite, boolean appCompatible, String reason,
                       String alternative) {
        return new Judgement(verdict, lock, rewrite, appCompatible, reason, alternative, null, null, false);
    }

    static Judgement worst(List<Judgement> judgements) {
        return judgements.stream().max(java.util.Comparator.comparing((Judgement x) -> x.locksOut())
                .thenComparing(Judgement::verdict).thenComparing(x -> !x.appCompatible())).orElseThrow();
    }
}
