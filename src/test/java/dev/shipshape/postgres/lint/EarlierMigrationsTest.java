package dev.shipshape.postgres.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlierMigrationsTest {

    @Test
    void listsTheFolderMigrationsWithALowerVersionOldestFirst(@TempDir Path folder) throws Exception {
        for (String name : List.of("V10__later.sql", "V2__b.sql", "V1_1__a.sql", "V1__first.sql", "notes.sql",
                "V11__after.sql")) {
            Files.writeString(folder.resolve(name), "SELECT 1;");
        }
        assertThat(EarlierMigrations.before(List.of(folder.resolve("V10__later.sql"))))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("V1__first.sql", "V1_1__a.sql", "V2__b.sql");
    }
}
