package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db lint} takes files, folders and globs, and lints every file they name in one process. */
class DbLintFilesTest {

    @TempDir
    Path folder;

    @Test
    void folderLintsEverySqlFileUnderItInNameOrder() throws Exception {
        Cli cli = migrations();

        Cli.Result r = cli.run("db", "lint", "db/migrations");

        assertThat(r.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(r.out()).containsSubsequence("db/migrations/V1__table.sql:1", "db/migrations/V2__index.sql:1",
                "db/migrations/nested/V3__column.sql:1");
        assertThat(r.out()).doesNotContain("README");
        assertThat(r.out()).endsWith("3 statement(s), 1 unsafe\n");
    }

    @Test
    void globLintsTheFilesItMatches() throws Exception {
        Cli cli = migrations();

        Cli.Result r = cli.run("db", "lint", "db/migrations/V*.sql");

        assertThat(r.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(r.out()).contains("db/migrations/V1__table.sql:1", "db/migrations/V2__index.sql:1")
                .doesNotContain("V3__column");
        assertThat(r.out()).endsWith("2 statement(s), 1 unsafe\n");
    }

    @Test
    void globMatchingNothingSaysSoAndWhatToCheck() throws Exception {
        Cli cli = migrations();

        Cli.Result r = cli.run("db", "lint", "db/migrations/X*.sql");

        assertThat(r.exitCode()).isEqualTo(ExitCode.of(dev.shipshape.ShipshapeException.Code.NOT_FOUND));
        assertThat(r.err()).isEqualTo("shipshape: no SQL files match db/migrations/X*.sql; check the pattern"
                + " (quote it so that the shell leaves it to shipshape)\n");
    }

    private Cli migrations() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("db/migrations/V1__table.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name text);\n");
        cli.write("db/migrations/V2__index.sql", "CREATE INDEX t_name ON t (name);\n");
        cli.write("db/migrations/nested/V3__column.sql", "ALTER TABLE t ADD COLUMN note text;\n");
        cli.write("db/migrations/README.md", "not SQL\n");
        return cli;
    }
}
