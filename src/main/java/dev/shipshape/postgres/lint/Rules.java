package dev.shipshape.postgres.lint;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each kind of statement does to a live table, by PostgreSQL major version: the lock, whether
 * it scans or rewrites, whether the running application survives it, and the safer way. Pure.
 */
final class Rules {

    /** A judgement before it is tied to a file and line. */
    record Judgement(Verdict verdict, String lock, String rewrite, boolean appCompatible, String reason,
                     String alternative) {
    }

    static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    private static final Pattern VOLATILE = Pattern.compile("\\b(RANDOM|CLOCK_TIMESTAMP|GEN_RANDOM_UUID|"
            + "UUID_GENERATE_V[14]|NEXTVAL|TIMEOFDAY)\\s*\\(|\\b(BIG|SMALL)?SERIAL\\b");

    private final int pgVersion;

    Rules(int pgVersion) {
        this.pgVersion = pgVersion;
    }

    /**
     * @param sql     the statement, upper-cased, whitespace collapsed, string contents kept
     * @param created tables created earlier in the same migration (empty, so nothing to lock out)
     */
    Judgement judge(String sql, Set<String> created) {
        if (sql.startsWith("CREATE TABLE") || sql.startsWith("CREATE UNLOGGED TABLE")) {
            return safe("none", "creates a new table; nothing uses it yet");
        }
        if (sql.matches("CREATE (UNIQUE )?INDEX.*")) {
            return index(sql, created);
        }
        if (sql.startsWith("DROP INDEX")) {
            return sql.startsWith("DROP INDEX CONCURRENTLY") ? safe("none", "drops the index without blocking")
                    : j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "takes ACCESS EXCLUSIVE on the table "
                    + "while dropping, queued behind every running query", "DROP INDEX CONCURRENTLY");
        }
        if (sql.startsWith("DROP TABLE")) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "none", false, "drops the table and its data; the running "
                    + "application still uses it", "stop using the table in the application, deploy, then drop it "
                    + "in a later migration (contract step)");
        }
        if (sql.startsWith("ALTER TABLE")) {
            return AlterTable.judge(this, sql, created);
        }
        return Other.judge(this, sql);
    }

    private Judgement index(String sql, Set<String> created) {
        if (sql.contains(" CONCURRENTLY")) {
            return j(Verdict.SAFE, "SHARE UPDATE EXCLUSIVE", "scan", true, "builds the index without blocking "
                    + "writes (must run outside a transaction)", null);
        }
        if (created.stream().anyMatch(t -> sql.contains(" ON " + t + " ") || sql.contains(" ON " + t + "(")
                || sql.endsWith(" ON " + t))) {
            return safe("none", "indexes a table created in this migration");
        }
        return j(Verdict.UNSAFE, "SHARE", "scan", true, "blocks all writes to the table while the index is built",
                "CREATE INDEX CONCURRENTLY (in a migration of its own)");
    }

    int pgVersion() {
        return pgVersion;
    }

    static boolean volatileDefault(String sql) {
        return VOLATILE.matcher(sql).find();
    }

    static Judgement safe(String rewrite, String reason) {
        return new Judgement(Verdict.SAFE, "none", rewrite, true, reason, null);
    }

    static Judgement j(Verdict verdict, String lock, String rewrite, boolean appCompatible, String reason,
                       String alternative) {
        return new Judgement(verdict, lock, rewrite, appCompatible, reason, alternative);
    }

    static Judgement worst(List<Judgement> judgements) {
        return judgements.stream().max(java.util.Comparator.comparing(Judgement::verdict)
                .thenComparing(x -> !x.appCompatible())).orElseThrow();
    }
}
