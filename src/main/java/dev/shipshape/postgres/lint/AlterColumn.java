package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ALTER TABLE ... ALTER COLUMN} subforms: type, NOT NULL, defaults, identity, storage, statistics. */
final class AlterColumn {

    private static final Pattern TYPE = Pattern.compile("^ALTER (?:COLUMN )?(\\w+) (?:SET DATA )?TYPE (.+)$");
    private static final Pattern VARCHAR = Pattern.compile("^VARCHAR(?:\\((\\d+)\\))?$");
    private static final Pattern NUMERIC = Pattern.compile("^(?:NUMERIC|DECIMAL)(?:\\((\\d+)\\s*(?:,\\s*(\\d+))?\\))?$");
    private static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";

    private AlterColumn() {
    }

    static Optional<Rules.Judgement> judge(Facts facts, String table, String a) {
        Matcher type = TYPE.matcher(a);
        if (type.find()) {
            return Optional.of(type(facts, table, type.group(1), type.group(2)));
        }
        if (!a.matches("ALTER (COLUMN )?\\S+ .*")) {
            return Optional.empty();
        }
        String column = a.replaceFirst("^ALTER (COLUMN )?", "").split(" ")[0];
        String what = a.replaceFirst("^ALTER (COLUMN )?\\S+ ", "");
        if (what.startsWith("SET NOT NULL")) {
            return Optional.of(setNotNull(facts, table, column));
        }
        if (what.matches("(SET STATISTICS|SET \\(|RESET \\().*")) {
            return Optional.of(j(Verdict.SAFE, SHARE_UPDATE_EXCLUSIVE, "none", true, "changes planner settings of "
                    + "the column; reads and writes go on", null));
        }
        return Optional.of(j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "changes only the catalog: brief lock",
                null));
    }

    private static Rules.Judgement setNotNull(Facts facts, String table, String column) {
        Optional<Schema.Table> t = facts.table(table);
        boolean checked = t.map(x -> x.notNullChecked.contains(column)).orElse(false);
        if (checked && facts.pgVersion() >= 12 && !t.get().partitioned) {
            return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "a validated CHECK (" + column.toLowerCase()
                    + " IS NOT NULL) proves it: PostgreSQL 12+ skips the scan, brief lock", null);
        }
        String alternative = facts.pgVersion() >= 12 ? "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT "
                + "(in its own transaction), then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check"
                : "keep a validated CHECK (col IS NOT NULL) NOT VALID constraint instead";
        return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "scans the whole table under ACCESS EXCLUSIVE "
                + "(blocks reads and writes)", alternative)
                .assuming(facts.unknown(table, "no validated CHECK (" + column.toLowerCase() + " IS NOT NULL)"));
    }

    private static Rules.Judgement type(Facts facts, String table, String column, String target) {
        String newType = Schema.canonicalType(target.replaceFirst(" (USING|COLLATE) .*", ""));
        boolean collate = target.contains(" COLLATE ");
        Optional<String> old = facts.table(table).map(t -> t.columnTypes.get(column));
        Rules.Judgement rewrite = j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "rewrite", false, "changing a column's "
                + "type rewrites the table and its indexes under ACCESS EXCLUSIVE (blocks reads and writes)",
                "add a new column of the new type, backfill in batches, switch the application, drop the old one");
        if (target.contains(" USING ")) {
            return rewrite;
        }
        if (old.isEmpty()) {
            return rewrite.assuming(facts.table(table).isPresent() ? "assumed the change of " + column.toLowerCase()
                    + " rewrites (its type is not in the known schema)" : facts.unknown(table, "the change is not "
                    + "binary-coercible and rewrites"));
        }
        if (!binaryCoercible(old.get(), newType, facts)) {
            return rewrite;
        }
        Schema.Table t = facts.table(table).orElseThrow();
        if (collate && t.indexed.contains(column)) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "no table rewrite, but the new collation "
                    + "rebuilds the column's index under ACCESS EXCLUSIVE", "build a new index with the collation "
                    + "CONCURRENTLY on a new column, or do it in a maintenance window");
        }
        if (t.checked.contains(column)) {
            return j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "no rewrite (" + old.get().toLowerCase()
                    + " to " + newType.toLowerCase() + " is binary-coercible), but the CHECK constraint on the "
                    + "column is checked again over every row under ACCESS EXCLUSIVE", "drop the CHECK, change the "
                    + "type, add the CHECK back NOT VALID and VALIDATE it in a transaction of its own");
        }
        return j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, old.get().toLowerCase() + " to "
                + newType.toLowerCase() + " is binary-coercible: no rewrite, indexes kept, brief lock", null);
    }

    /** Type changes PostgreSQL makes without touching the rows. */
    static boolean binaryCoercible(String from, String to, Facts facts) {
        if (from.equals(to)) {
            return true;
        }
        Matcher vFrom = VARCHAR.matcher(from);
        Matcher vTo = VARCHAR.matcher(to);
        if ((vFrom.matches() || from.equals("TEXT")) && to.equals("TEXT")) {
            return true;
        }
        if (vFrom.matches() && vTo.matches()) {
            return vTo.group(1) == null || vFrom.group(1) != null
                    && Integer.parseInt(vTo.group(1)) >= Integer.parseInt(vFrom.group(1));
        }
        if (from.equals("TEXT") && vTo.matches()) {
            return vTo.group(1) == null;
        }
        Matcher nFrom = NUMERIC.matcher(from);
        Matcher nTo = NUMERIC.matcher(to);
        if (nFrom.matches() && nTo.matches()) {
            return nTo.group(1) == null || nFrom.group(1) != null && Integer.parseInt(nTo.group(1))
                    >= Integer.parseInt(nFrom.group(1)) && String.valueOf(nFrom.group(2)).equals(String.valueOf(
                    nTo.group(2)));
        }
        return from.equals("TIMESTAMP") && to.equals("TIMESTAMPTZ") && facts.pgVersion() >= 12
                && facts.schema().timeZoneUtc();
    }
}
