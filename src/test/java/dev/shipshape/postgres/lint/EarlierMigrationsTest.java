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

    @Test
    void listsEarlierSupabaseFilesAndPrismaFolders(@TempDir Path folder) throws Exception {
        Path supabase = Files.createDirectories(folder.resolve("supabase/migrations"));
        for (String name : List.of("20240301000000_c.sql", "20240101000000_a.sql", "20240201000000_b.sql")) {
            Files.writeString(supabase.resolve(name), "SELECT 1;");
        }
        Path prisma = Files.createDirectories(folder.resolve("prisma/migrations"));
        for (String name : List.of("20240301000000_c", "20240101000000_a", "20240201000000_b")) {
            Files.writeString(Files.createDirectories(prisma.resolve(name)).resolve("migration.sql"), "SELECT 1;");
        }
        Files.writeString(prisma.resolve("migration_lock.toml"), "provider = \"postgresql\"");

        assertThat(EarlierMigrations.before(List.of(supabase.resolve("20240301000000_c.sql"))))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("20240101000000_a.sql", "20240201000000_b.sql");
        assertThat(EarlierMigrations.before(List.of(prisma.resolve("20240201000000_b/migration.sql"))))
                .extracting(p -> prisma.relativize(p).toString())
                .containsExactly("20240101000000_a/migration.sql");
    }
}
