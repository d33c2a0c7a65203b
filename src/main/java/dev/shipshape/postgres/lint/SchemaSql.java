package dev.shipshape.postgres.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies DDL to a {@link Schema}, as far as the facts go: tables and their columns, indexes,
 * CHECK constraints, partitions, materialized views, renames and drops. Anything else leaves the
 * schema as it was. Statements are in {@link Linter#normalize} form (upper case, no quotes).
 */
final class SchemaSql {

    private static final String NAME = "([\\w.$]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|"
            + "UNLOGGED) )?TABLE (?:IF NOT EXISTS )?" + NAME + "\\s*(.*)$");
    private static final Pattern PARTITION_OF = Pattern.compile("^PARTITION OF " + NAME + "\\s*(.*)$");
    private static final Pattern MATVIEW = Pattern.compile("^CREATE MATERIALIZED VIEW (?:IF NOT EXISTS )?" + NAME);
    private static final Pattern INDEX = Pattern.compile("^CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT "
            + "EXISTS )?(?:" + NAME + " )?ON (?:ONLY )?" + NAME + "\\s*(?:USING \\w+\\s*)?\\((.*)\\)");
    private static final Pattern ALTER = Pattern.compile("^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?" + NAME + "\\s*(.*)$");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("^\\(*\\s*(\\w+) IS NOT NULL\\s*\\)*$");
    private static final Pattern COLUMN_END = Pattern.compile(" (DEFAULT|NOT NULL|NULL|CONSTRAINT|PRIMARY KEY|UNIQUE"
            + "|CHECK|REFERENCES|GENERATED|COLLATE)\\b");

    private SchemaSql() {
    }

    static void apply(Schema schema, String sql) {
        Matcher m;
        if ((m = CREATE_TABLE.matcher(sql)).find()) {
            createTable(schema, m.group(1), m.group(2));
        } else if ((m = MATVIEW.matcher(sql)).find()) {
            schema.kind(m.group(1), false, false, true);
        } else if ((m = INDEX.matcher(sql)).find()) {
            for (String column : AlterTable.splitTopLevel(m.group(3))) {
                String c = column.strip().split(" ")[0];
                if (c.matches("\\w+")) {
                    schema.index(m.group(2), c);
                }
            }
        } else if ((m = ALTER.matcher(sql)).find()) {
            for (String action : AlterTable.splitTopLevel(m.group(2))) {
                alter(schema, m.group(1), action.strip());
            }
        } else if (sql.startsWith("DROP TABLE ")) {
            for (String t : sql.replaceFirst("^DROP TABLE (IF EXISTS )?", "").replaceAll(" (CASCADE|RESTRICT)$", "")
                    .split(",")) {
                schema.drop(t.strip());
            }
        }
    }

    private static void createTable(Schema schema, String name, String rest) {
        Schema.Table table = schema.define(name);
        Matcher of = PARTITION_OF.matcher(rest);
        if (of.find()) {
            table.partition = true;
            Schema.Table parent = schema.define(of.group(1));
            table.columnTypes.putAll(parent.columnTypes);
            table.indexed.addAll(parent.indexed);
            parent.hasDefaultPartition |= of.group(2).startsWith("DEFAULT");
            table.partitioned = of.group(2).contains("PARTITION BY");
            return;
        }
        if (!rest.startsWith("(")) {
            return;
        }
        int close = closing(rest);
        for (String element : AlterTable.splitTopLevel(rest.substring(1, close))) {
            element(schema, name, element.strip());
        }
        table.partitioned = rest.substring(close).contains("PARTITION BY");
    }

    private static void element(Schema schema, String table, String e) {
        if (e.matches("^(CONSTRAINT \\S+ )?(CHECK|PRIMARY KEY|UNIQUE|FOREIGN KEY|EXCLUDE)\\b.*")) {
            constraint(schema, table, e.replaceFirst("^CONSTRAINT \\S+ ", ""), null);
        } else if (!e.startsWith("LIKE ")) {
            column(schema, table, e);
        }
    }

    /** {@code name type [DEFAULT ...] [NOT NULL] [PRIMARY KEY] [CHECK (...)]...}. */
    static void column(Schema schema, String table, String definition) {
        String[] parts = definition.split(" ", 2);
        if (parts.length < 2) {
            return;
        }
        String column = parts[0];
        Matcher end = COLUMN_END.matcher(" " + parts[1]);
        String type = (end.find() ? (" " + parts[1]).substring(0, end.start()) : parts[1]).strip();
        schema.column(table, column, type.replaceAll("\\s+\\(", "("));
        if (definition.contains(" PRIMARY KEY") || definition.contains(" UNIQUE")) {
            schema.index(table, column);
        }
        if (definition.contains(" CHECK")) {
            schema.check(table, column, false);
        }
    }

    private static void constraint(Schema schema, String table, String c, String name) {
        Schema.Table t = schema.define(table);
        if (c.startsWith("PRIMARY KEY") || c.startsWith("UNIQUE")) {
            if (!c.contains("USING INDEX") && c.contains("(")) {
                for (String col : inParentheses(c).split(",")) {
                    schema.index(table, col.strip());
                }
            }
            return;
        }
        if (!c.startsWith("CHECK")) {
            return;
        }
        String expression = inParentheses(c);
        Matcher notNull = NOT_NULL_CHECK.matcher(expression.strip());
        boolean valid = !c.contains("NOT VALID");
        if (notNull.find() && !valid && name != null) {
            t.pendingNotNullChecks.put(name, notNull.group(1));
        }
        if (valid) {
            List<String> mentioned = t.columnTypes.keySet().stream()
                    .filter(col -> Pattern.compile("\\b" + col + "\\b").matcher(expression).find()).toList();
            mentioned.forEach(col -> schema.check(table, col, false));
            if (notNull.find(0)) {
                schema.check(table, notNull.group(1), true);
            }
        }
    }

    private static void alter(Schema schema, String table, String a) {
        Matcher m;
        if ((m = Pattern.compile("^ADD (?:CONSTRAINT (\\S+) )?((CHECK|PRIMARY KEY|UNIQUE|FOREIGN KEY|EXCLUDE)\\b.*)")
                .matcher(a)).find()) {
            constraint(schema, table, m.group(2), m.group(1));
        } else if (a.startsWith("ADD ")) {
            column(schema, table, a.replaceFirst("^ADD (COLUMN )?(IF NOT EXISTS )?", ""));
        } else if ((m = Pattern.compile("^VALIDATE CONSTRAINT (\\S+)").matcher(a)).find()) {
            String column = schema.define(table).pendingNotNullChecks.remove(m.group(1));
            if (column != null) {
                schema.check(table, column, true);
            }
        } else if ((m = Pattern.compile("^ALTER (?:COLUMN )?(\\w+) (?:SET DATA )?TYPE (.*)").matcher(a)).find()) {
            schema.column(table, m.group(1), m.group(2).replaceFirst(" (USING|COLLATE) .*", ""));
        } else if ((m = Pattern.compile("^DROP (?:COLUMN )?(?:IF EXISTS )?(\\w+)").matcher(a)).find()
                && !a.startsWith("DROP CONSTRAINT")) {
            schema.define(table).columnTypes.remove(m.group(1));
        } else if ((m = Pattern.compile("^RENAME TO (\\S+)").matcher(a)).find()) {
            schema.rename(table, m.group(1));
        } else if ((m = Pattern.compile("^(ATTACH|DETACH) PARTITION (\\S+)").matcher(a)).find()) {
            schema.define(m.group(2)).partition = m.group(1).equals("ATTACH");
            schema.define(table).hasDefaultPartition |= a.contains(" DEFAULT");
        }
    }

    static String inParentheses(String text) {
        int open = text.indexOf('(');
        return open < 0 ? "" : text.substring(open + 1, open + closing(text.substring(open)));
    }

    /** Index of the ')' closing the '(' at index 0. */
    private static int closing(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }
}
