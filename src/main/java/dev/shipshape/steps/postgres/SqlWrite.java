package dev.shipshape.steps.postgres;

import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.WriteTransaction;
import dev.shipshape.postgres.lint.SqlStatements;
import dev.shipshape.runbook.PostgresSqlStep;
import java.util.ArrayList;
import java.util.List;

/** The {@code postgres.sql} step: its statements in the plan, and running them with a count per statement. */
final class SqlWrite {

    private SqlWrite() {
    }

    /** The plan's lines: each statement, numbered, and whether production needs a confirmation. */
    static List<String> planLines(PostgresSqlStep step) {
        List<String> lines = new ArrayList<>();
        List<String> statements = statements(step);
        lines.add("in one read-write transaction" + (step.safe() ? " (safe: true)" : ""));
        for (int i = 0; i < statements.size(); i++) {
            lines.add((i + 1) + ". " + oneLine(statements.get(i)));
        }
        return lines;
    }

    static String run(PostgresSqlStep step, DatabaseWork work) {
        List<String> statements = statements(step);
        List<WriteTransaction.Count> counts = WriteTransaction.run(work.address(), statements, work.timeout());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            WriteTransaction.Count count = counts.get(i);
            work.say((i + 1) + ". " + oneLine(count.statement()) + " -> " + count.text());
            parts.add(count.text());
        }
        work.records().action(work.action("sql", String.join("; ", statements.stream().map(SqlWrite::oneLine)
                .toList()), step.safe() ? "safe: true" : null, "committed: " + String.join(", ", parts)));
        return "committed " + statements.size() + (statements.size() == 1 ? " statement: " : " statements: ")
                + String.join(", ", parts);
    }

    private static List<String> statements(PostgresSqlStep step) {
        return SqlStatements.of("postgres.sql step '" + step.displayName() + "'", step.sql());
    }

    private static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
