package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db lint} judges a type change by the schema it runs against, and says what it assumed without one. */
class DbLintSchemaTest {

    private static final String WIDEN = "ALTER TABLE customers ALTER COLUMN name TYPE varchar(50);\n";
    private static final String TABLE = "CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(10));\n";

    @TempDir
    Path folder;

    @Test
    void withoutTheSchemaAWideningIsFlaggedAndTheAssumptionIsSaid() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("V2__widen.sql", WIDEN);

        Cli.Result r = cli.run("db", "lint", "--pg-version", "15", "V2__widen.sql");

        assertThat(r.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(r.out()).contains("UNSAFE  ALTER TABLE customers")
                .contains("assumed the change is not binary-coercible");
    }

    @Test
    void aSchemaFileShowsTheWideningNeedsNoRewrite() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("schema.sql", TABLE);
        cli.write("V2__widen.sql", WIDEN);

        Cli.Result r = cli.run("db", "lint", "--pg-version", "15", "--schema", "schema.sql", "V2__widen.sql");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(r.out()).contains("SAFE  ALTER TABLE customers")
                .contains("varchar(10) to varchar(50) is binary-coercible: no rewrite")
                .endsWith("1 statement(s), 0 unsafe\n");
    }

    @Test
    void theFoldersEarlierMigrationsAreTheSchema() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("db/migrations/V1__init.sql", TABLE);
        cli.write("db/migrations/V2__widen.sql", WIDEN);

        Cli.Result r = cli.run("db", "lint", "--pg-version", "15", "db/migrations/V2__widen.sql");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(r.out()).contains("is binary-coercible: no rewrite").doesNotContain("assumed");
    }

    @Test
    void aSchemaFileThatDoesNotExistIsNamed() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("V2__widen.sql", WIDEN);

        Cli.Result r = cli.run("db", "lint", "--schema", "nope.sql", "V2__widen.sql");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("shipshape: SQL file not found: nope.sql\n");
    }
}
