package dev.shipshape.postgres.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LinterTest {

    private final Linter pg15 = new Linter(15);

    private Finding one(String sql) {
        List<Finding> findings = pg15.lint("V2__x.sql", sql);
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX orders_user ON orders (user_id)|UNSAFE|SHARE",
            "CREATE INDEX CONCURRENTLY orders_user ON orders (user_id)|SAFE|SHARE UPDATE EXCLUSIVE",
            "DROP TABLE legacy_orders|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users DROP COLUMN nickname|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ADD COLUMN nickname text|SAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ADD COLUMN active boolean NOT NULL|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true|SAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ALTER COLUMN email TYPE varchar(500)|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ALTER COLUMN email SET NOT NULL|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users RENAME COLUMN email TO mail|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)|UNSAFE|SHARE ROW EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID|SAFE|SHARE ROW EXCLUSIVE",
            "ALTER TABLE orders VALIDATE CONSTRAINT fk|SAFE|SHARE UPDATE EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0)|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID|SAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ADD CONSTRAINT u UNIQUE (email)|UNSAFE|ACCESS EXCLUSIVE",
            "ALTER TABLE users ADD CONSTRAINT u UNIQUE USING INDEX users_email|SAFE|ACCESS EXCLUSIVE",
            "CREATE TABLE audit (id bigint PRIMARY KEY, note text)|SAFE|none",
            "TRUNCATE orders|UNSAFE|ACCESS EXCLUSIVE",
            "UPDATE users SET active = true|CAUTION|ROW EXCLUSIVE",
            "VACUUM FULL orders|UNSAFE|ACCESS EXCLUSIVE",
            "REINDEX INDEX CONCURRENTLY orders_user|SAFE|SHARE UPDATE EXCLUSIVE"})
    void classifiesEachPatternWithTheLockItTakes(String sql, Verdict verdict, String lock) {
        Finding f = one(sql + ";");
        assertThat(f.verdict()).as(sql).isEqualTo(verdict);
        assertThat(f.lock()).as(sql).isEqualTo(lock);
        if (verdict == Verdict.UNSAFE) {
            assertThat(f.alternative()).as(sql).isNotBlank();
        }
    }

    @Test
    void constantDefaultIsSafeSincePostgres11ButRewritesBefore() {
        String sql = "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;";
        Finding old = new Linter(10).lint("V2.sql", sql).get(0);
        assertThat(old.verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(old.rewrite()).isEqualTo("rewrite");
        assertThat(old.reason()).contains("before PostgreSQL 11");
        assertThat(one(sql).rewrite()).isEqualTo("none");
    }

    @Test
    void dropColumnBreaksTheRunningApplication() {
        Finding f = one("ALTER TABLE users DROP COLUMN nickname;");
        assertThat(f.appCompatible()).isFalse();
        assertThat(f.alternative()).contains("contract step");
    }

    @Test
    void indexOnATableCreatedInTheSameMigrationIsSafe() {
        List<Finding> f = pg15.lint("V3.sql", "CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id);");
        assertThat(f).extracting(Finding::verdict).containsExactly(Verdict.SAFE, Verdict.SAFE);
    }

    @Test
    void allowanceCommentAllowsUnsafeStatementsOfItsFile() {
        List<Finding> f = pg15.lint("V4.sql", "-- shipshape:allow-unsafe: table is empty in every environment\n"
                + "CREATE INDEX i ON orders (id);");
        assertThat(f.get(0).verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(f.get(0).allowance()).isEqualTo("table is empty in every environment");
        assertThat(f.get(0).blocking()).isFalse();
    }

    @Test
    void splitsStatementsWithLinesIgnoringSemicolonsInQuotesAndFunctionBodies() {
        String sql = "-- header\nINSERT INTO notes VALUES ('a;b');\n\nCREATE FUNCTION f() RETURNS int AS $$\n"
                + "BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n/* c; */ CREATE TABLE x (\"a;\" int);";
        assertThat(pg15.lint("V5.sql", sql)).extracting(Finding::line).containsExactly(2, 4, 6);
    }

    @Test
    void sqlThatDoesNotParseNamesFileAndLine() {
        assertThatThrownBy(() -> pg15.lint("V6__bad.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES ('x);\n"))
                .isInstanceOf(ShipshapeException.class)
                .hasMessage("V6__bad.sql:2: SQL does not parse: string starting here is never closed (')");
        assertThatThrownBy(() -> pg15.lint("V7.sql", "SELECT 1;\nCREATE TABLE a (id int;"))
                .hasMessage("V7.sql:2: SQL does not parse: '(' without a matching ')' in this statement");
    }

    private static Linter knowing(String schemaSql) {
        Schema schema = Schema.unknown();
        Linter.learn(schema, "schema.sql", schemaSql);
        return new Linter(15, schema);
    }

    @Test
    void binaryCoercibleTypeChangeIsSafeOnceTheColumnTypeIsKnownAndSaysWhatItAssumedOtherwise() {
        String sql = "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);";
        Finding known = knowing("CREATE TABLE users (id int, email varchar(100));").lint("V2.sql", sql).get(0);
        assertThat(known.verdict()).isEqualTo(Verdict.SAFE);
        assertThat(known.reason()).isEqualTo("varchar(100) to varchar(200) is binary-coercible: no rewrite, indexes "
                + "kept, brief lock");
        assertThat(known.assumed()).isNull();

        Finding unknown = one(sql);
        assertThat(unknown.verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(unknown.rewrite()).isEqualTo("rewrite");
        assertThat(unknown.assumed()).isEqualTo("assumed the change is not binary-coercible and rewrites (users is "
                + "not in the known schema; give --schema FILE.sql or --env ENV)");
        assertThat(knowing("CREATE TABLE users (id int, email varchar(100));")
                .lint("V2.sql", "ALTER TABLE users ALTER COLUMN id TYPE bigint;").get(0).rewrite()).isEqualTo("rewrite");
    }

    @Test
    void typeChangeOfAColumnUnderACheckScansAndANewCollationRebuildsItsIndex() {
        Linter linter = knowing("CREATE TABLE t (a varchar(10), b text, CONSTRAINT a_set CHECK (a IS NOT NULL));"
                + "CREATE INDEX t_b ON t (b);");
        Finding checked = linter.lint("V2.sql", "ALTER TABLE t ALTER COLUMN a TYPE varchar(20);").get(0);
        assertThat(checked.rewrite()).isEqualTo("scan");
        assertThat(checked.locksOut()).isTrue();
        Finding collated = linter.lint("V3.sql", "ALTER TABLE t ALTER COLUMN b TYPE text COLLATE \"C\";").get(0);
        assertThat(collated.reason()).contains("rebuilds the column's index");
    }

    @Test
    void setNotNullSkipsTheScanWhenAValidatedNotNullCheckIsKnown() {
        Linter linter = knowing("CREATE TABLE t (a int);");
        List<Finding> f = linter.lint("V2.sql", "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID;\n"
                + "COMMIT;\nALTER TABLE t VALIDATE CONSTRAINT a_nn;\nCOMMIT;\nALTER TABLE t ALTER COLUMN a SET NOT NULL;");
        assertThat(f).extracting(Finding::verdict).containsExactly(Verdict.SAFE, Verdict.SAFE, Verdict.SAFE,
                Verdict.SAFE, Verdict.SAFE);
        assertThat(one("ALTER TABLE t ALTER COLUMN a SET NOT NULL;").assumed()).startsWith("assumed no validated "
                + "CHECK (a IS NOT NULL)");
    }

    @Test
    void aScanAfterAStrongLockInTheSameTransactionIsUnsafe() {
        List<Finding> f = pg15.lint("V2.sql", "ALTER TABLE users ADD COLUMN region text;\nUPDATE users SET region = "
                + "'eu';");
        assertThat(f.get(0).verdict()).isEqualTo(Verdict.SAFE);
        assertThat(f.get(1).verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(f.get(1).lock()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(f.get(1).relation()).isEqualTo("users");
        assertThat(f.get(1).reason()).endsWith("and line 1 holds ACCESS EXCLUSIVE on users until commit, so the "
                + "application waits for this statement too");
        List<Finding> apart = pg15.lint("V3.sql", "ALTER TABLE users ADD COLUMN region text;\nCOMMIT;\nUPDATE users "
                + "SET region = 'eu';");
        assertThat(apart.get(2).verdict()).isEqualTo(Verdict.CAUTION);
    }

    @Test
    void lockLevelsOfUtilityStatementsAndSubforms() {
        assertThat(one("ALTER TABLE t SET (fillfactor = 70);").lock()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(one("ALTER TABLE t ALTER COLUMN a SET STATISTICS 500;").lock()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(one("ALTER TABLE t DISABLE TRIGGER ALL;").lock()).isEqualTo("SHARE ROW EXCLUSIVE");
        assertThat(one("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;").lock()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(new Linter(13).lint("V.sql", "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;").get(0).lock())
                .isEqualTo("ACCESS EXCLUSIVE");
        Finding attach = one("ALTER TABLE p ATTACH PARTITION p9 FOR VALUES FROM (1) TO (2);");
        assertThat(attach.relation()).isEqualTo("p9");
        assertThat(attach.locksOut()).isTrue();
        assertThat(one("REFRESH MATERIALIZED VIEW CONCURRENTLY mv;").locksOut()).isFalse();
        assertThat(one("REFRESH MATERIALIZED VIEW mv;").verdict()).isEqualTo(Verdict.UNSAFE);
        assertThat(one("ALTER TABLE t SET LOGGED;").rewrite()).isEqualTo("rewrite");
        assertThat(one("VACUUM t;").verdict()).isEqualTo(Verdict.SAFE);
        assertThat(one("ALTER TABLE t ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;").rewrite()).isEqualTo("rewrite");
        assertThat(knowing("CREATE MATERIALIZED VIEW mv AS SELECT 1 AS n;").lint("V.sql", "CREATE INDEX i ON mv (n);")
                .get(0).verdict()).isEqualTo(Verdict.SAFE);
    }
}
