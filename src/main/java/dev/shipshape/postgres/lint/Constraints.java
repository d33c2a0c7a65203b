package dev.shipshape.postgres.lint;

import static dev.shipshape.postgres.lint.Rules.ACCESS_EXCLUSIVE;
import static dev.shipshape.postgres.lint.Rules.j;

/** {@code ALTER TABLE ... ADD CONSTRAINT}: foreign keys, checks, unique and primary keys. */
final class Constraints {

    private Constraints() {
    }

    static Rules.Judgement add(String a) {
        boolean notValid = a.contains("NOT VALID");
        if (a.contains("FOREIGN KEY") || a.contains(" REFERENCES ")) {
            return notValid ? j(Verdict.SAFE, "SHARE ROW EXCLUSIVE", "none", true, "NOT VALID skips checking "
                    + "existing rows; brief lock on both tables", "then VALIDATE CONSTRAINT in a later statement")
                    : j(Verdict.UNSAFE, "SHARE ROW EXCLUSIVE", "scan", true, "checks every existing row while "
                    + "blocking writes to both tables", "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT");
        }
        if (a.contains("CHECK")) {
            return notValid ? j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "NOT VALID skips checking existing "
                    + "rows; brief lock", "then VALIDATE CONSTRAINT in a later statement")
                    : j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "checks every existing row under ACCESS "
                    + "EXCLUSIVE (blocks reads and writes)", "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT");
        }
        if (a.contains("UNIQUE") || a.contains("PRIMARY KEY") || a.contains("EXCLUDE")) {
            return a.contains("USING INDEX") ? j(Verdict.SAFE, ACCESS_EXCLUSIVE, "none", true, "uses an existing "
                    + "index: brief lock only", null)
                    : j(Verdict.UNSAFE, ACCESS_EXCLUSIVE, "scan", true, "builds a unique index under ACCESS "
                    + "EXCLUSIVE (blocks reads and writes)", "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT "
                    + "... USING INDEX");
        }
        return j(Verdict.CAUTION, ACCESS_EXCLUSIVE, "none", true, "constraint not recognised", "review it by hand");
    }
}
