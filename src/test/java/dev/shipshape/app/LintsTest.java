package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.postgres.lint.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static lint through the application layer: findings as values, facts from the earlier migrations. */
class LintsTest {

    @TempDir
    Path folder;

    @Test
    void anIndexBuiltWithoutConcurrentlyOnATableOfAnEarlierMigrationIsUnsafe() throws Exception {
        Files.createDirectories(folder.resolve("db"));
        Files.writeString(folder.resolve("db/V1__table.sql"), "CREATE TABLE t (id bigint PRIMARY KEY, name text);\n");
        Files.writeString(folder.resolve("db/V2__index.sql"), "CREATE INDEX t_name ON t (name);\n");

        List<Finding> findings = new AppKit(folder).app().lints().lint(new Lints.LintRequest(
                List.of("db/V2__index.sql"), 15, null, null));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("db/V2__index.sql");
            assertThat(f.blocking()).isTrue();
        });
    }

    @Test
    void aGlobThatMatchesNothingIsNotFound() {
        assertThatThrownBy(() -> new AppKit(folder).app().lints().lint(new Lints.LintRequest(List.of("db/X*.sql"),
                15, null, null))).hasMessage("no SQL files match db/X*.sql; check the pattern (quote it so that the"
                + " shell leaves it to shipshape)");
    }
}
