package dev.shipshape.postgres.lint;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements, knowing PostgreSQL's quoting (strings, E-strings,
 * quoted identifiers, dollar quotes) and comments, so a ';' inside a function body does not split.
 * Reports what does not parse (an unterminated quote or comment, unbalanced parentheses) with
 * file and line. Comments are kept apart: they carry the allowance of unsafe statements.
 */
final class SqlScript {

    /** One statement, comments removed, with the line it starts on. */
    record Statement(int line, String text) {
    }

    private static final java.util.regex.Pattern DOLLAR = java.util.regex.Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$");
    private final String file;
    private final String sql;
    private final List<Statement> statements = new ArrayList<>();
    private final StringBuilder comments = new StringBuilder();
    private final StringBuilder current = new StringBuilder();
    private int line = 1;
    private int startLine = -1;
    private int depth;

    private SqlScript(String file, String sql) {
        this.file = file;
        this.sql = sql;
    }

    static SqlScript parse(String file, String sql) {
        SqlScript script = new SqlScript(file, sql);
        script.scan();
        return script;
    }

    List<Statement> statements() {
        return statements;
    }

    String comments() {
        return comments.toString();
    }

    private void scan() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                comments.append(sql, i, end).append('\n');
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = blockComment(i);
            } else if (c == '\'' || c == '"') {
                i = quoted(i, c, c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e'));
            } else if (c == '$' && dollarTag(i) != null) {
                i = dollarQuoted(i, dollarTag(i));
            } else {
                i = plain(i, c);
            }
        }
        if (!current.toString().isBlank()) {
            finish();
        }
    }

    private int plain(int i, char c) {
        if (c == ';') {
            finish();
            return i + 1;
        }
        if (c == '(') {
            depth++;
        } else if (c == ')' && --depth < 0) {
            throw problem(line, "')' without a matching '('");
        }
        append(i, i + 1);
        return i + 1;
    }

    private int blockComment(int from) {
        int nesting = 0;
        for (int i = from; i < sql.length() - 1; i++) {
            if (sql.startsWith("/*", i)) {
                nesting++;
                i++;
            } else if (sql.startsWith("*/", i) && --nesting == 0) {
                comments.append(sql, from, i + 2).append('\n');
                line += count(sql.substring(from, i + 2));
                return i + 2;
            }
        }
        throw problem(line, "comment '/*' is never closed");
    }

    private int quoted(int from, char quote, boolean backslashEscapes) {
        for (int i = from + 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i++;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    append(from, i + 1);
                    return i + 1;
                }
            }
        }
        throw problem(line, (quote == '\'' ? "string" : "quoted identifier") + " starting here is never closed ("
                + quote + ")");
    }

    private String dollarTag(int i) {
        var m = DOLLAR.matcher(sql);
        return m.find(i) && m.start() == i && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))
                ? m.group() : null;
    }

    private int dollarQuoted(int from, String tag) {
        int end = sql.indexOf(tag, from + tag.length());
        if (end < 0) {
            throw problem(line, "dollar-quoted text " + tag + " starting here is never closed");
        }
        append(from, end + tag.length());
        return end + tag.length();
    }

    private void append(int from, int to) {
        String part = sql.substring(from, to);
        if (startLine < 0 && !part.isBlank()) {
            startLine = line;
        }
        current.append(part);
        line += count(part);
    }

    private void finish() {
        if (depth > 0) {
            throw problem(startLine, "'(' without a matching ')' in this statement");
        }
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            statements.add(new Statement(startLine, text));
        }
        current.setLength(0);
        startLine = -1;
        depth = 0;
    }

    private static int count(String text) {
        return (int) text.chars().filter(ch -> ch == '\n').count();
    }

    private ShipshapeException problem(int at, String what) {
        return new ShipshapeException(Code.INVALID_INPUT, file + ":" + at + ": SQL does not parse: " + what);
    }
}
