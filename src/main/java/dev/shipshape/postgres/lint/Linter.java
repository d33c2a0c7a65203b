package dev.shipshape.postgres.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration safety lint: every statement of a migration judged for a given PostgreSQL major
 * version and, when known, the schema it runs against. A migration runs as one transaction (as
 * Flyway runs it; explicit COMMIT/BEGIN split it, a statement that cannot run in a transaction
 * makes each statement its own), and a transaction is judged as one: a statement that scans or
 * rewrites while an earlier one holds a lock blocking the application is unsafe too.
 * An unsafe statement is allowed only by a comment in its file:
 * {@code -- shipshape:allow-unsafe: REASON} (the reason is recorded when the migration runs).
 */
public final class Linter {

    private static final Pattern ALLOWANCE = Pattern.compile("shipshape:allow-unsafe:?\\s*(\\S[^\\n*]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE (UNLOGGED |TEMP |TEMPORARY )?TABLE (IF NOT "
            + "EXISTS )?([\\w.$]+)");
    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile("^(VACUUM\\b.*|CLUSTER|(CREATE|DROP|REINDEX)"
            + "\\b.*\\bCONCURRENTLY\\b.*|ALTER TABLE\\b.*\\bDETACH\\b.*\\bCONCURRENTLY|ALTER TYPE .* ADD VALUE.*)$");
    private final Rules rules;
    private final Schema schema;

    /** @param pgVersion the server's major version, e.g. 15; no schema facts */
    public Linter(int pgVersion) {
        this(pgVersion, Schema.unknown());
    }

    /** @param schema what is known of the schema; each migration linted is applied to it afterwards */
    public Linter(int pgVersion, Schema schema) {
        this.rules = new Rules(pgVersion);
        this.schema = schema;
    }

    /**
     * @param file shown in findings and errors
     * @throws dev.shipshape.ShipshapeException INVALID_INPUT when the SQL does not parse
     */
    public List<Finding> lint(String file, String sql) {
        SqlScript script = SqlScript.parse(file, sql);
        Optional<String> allowance = allowance(script.comments());
        Set<String> created = new LinkedHashSet<>();
        Facts facts = new Facts(rules.pgVersion(), schema, created);
        boolean eachAlone = script.statements().stream().anyMatch(s -> OUTSIDE_TRANSACTION.matcher(
                normalize(s.text())).matches());
        Transaction transaction = new Transaction(facts);
        List<Finding> findings = new ArrayList<>();
        for (SqlScript.Statement statement : script.statements()) {
            String normal = normalize(statement.text());
            if (eachAlone || normal.matches("(BEGIN|COMMIT|END|START TRANSACTION|ROLLBACK)\\b.*")) {
                transaction = new Transaction(facts);
            }
            Rules.Judgement j = transaction.judge(statement.line(), rules.judge(normal, facts));
            Matcher table = CREATE_TABLE.matcher(normal);
            if (table.find()) {
                created.add(Schema.key(table.group(3)));
            }
            SchemaSql.apply(schema, normal);
            Finding finding = new Finding(file, statement.line(), oneLine(statement.text()), j.finalVerdict(), j.lock(),
                    j.rewrite(), j.appCompatible(), j.reason(), j.alternative(), null, null,
                    j.relation() == null ? null : j.relation().toLowerCase(Locale.ROOT), rules.pgVersion(),
                    j.assumed(), j.locksOut());
            findings.add(finding.verdict() == Verdict.UNSAFE && allowance.isPresent()
                    ? finding.allowed(allowance.get()) : finding);
        }
        return findings;
    }

    /**
     * The statements of a migration as they would run, in the order of {@link #lint}'s findings.
     *
     * @throws dev.shipshape.ShipshapeException INVALID_INPUT when the SQL does not parse
     */
    public static List<String> statements(String file, String sql) {
        return SqlScript.parse(file, sql).statements().stream().map(SqlScript.Statement::text).toList();
    }

    /** Applies the DDL of {@code sql} to {@code schema} without judging it (a schema file, earlier migrations). */
    public static void learn(Schema schema, String file, String sql) {
        for (SqlScript.Statement statement : SqlScript.parse(file, sql).statements()) {
            SchemaSql.apply(schema, normalize(statement.text()));
        }
    }

    static Optional<String> allowance(String comments) {
        Matcher m = ALLOWANCE.matcher(comments);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    static String normalize(String statement) {
        return statement.strip().replaceAll("\\s+", " ").replace("\"", "").toUpperCase(Locale.ROOT);
    }

    static String oneLine(String statement) {
        String text = statement.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
