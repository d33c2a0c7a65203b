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
 * version. An unsafe statement is allowed only by a comment in its file:
 * {@code -- shipshape:allow-unsafe: REASON} (the reason is recorded when the migration runs).
 */
public final class Linter {

    private static final Pattern ALLOWANCE = Pattern.compile("shipshape:allow-unsafe:?\\s*(\\S[^\\n*]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE (UNLOGGED )?TABLE (IF NOT EXISTS )?(\\S+?)"
            + "\\s*\\(");
    private final Rules rules;

    /** @param pgVersion the server's major version, e.g. 15 */
    public Linter(int pgVersion) {
        this.rules = new Rules(pgVersion);
    }

    /**
     * @param file shown in findings and errors
     * @throws dev.shipshape.ShipshapeException INVALID_INPUT when the SQL does not parse
     */
    public List<Finding> lint(String file, String sql) {
        SqlScript script = SqlScript.parse(file, sql);
        Optional<String> allowance = allowance(script.comments());
        Set<String> created = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (SqlScript.Statement statement : script.statements()) {
            String normal = normalize(statement.text());
            Rules.Judgement j = rules.judge(normal, created);
            Matcher table = CREATE_TABLE.matcher(normal);
            if (table.find()) {
                created.add(table.group(3));
            }
            Finding finding = new Finding(file, statement.line(), oneLine(statement.text()), j.verdict(), j.lock(),
                    j.rewrite(), j.appCompatible(), j.reason(), j.alternative(), null, null);
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
