package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.runbook.DatabaseSettings.MigrationLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations of a Prisma folder ({@code 20240101120000_init/migration.sql}) or a Supabase folder
 * ({@code 20240101120000_init.sql}), in the order the tools apply them: by version, then name. Entries of
 * another shape (Prisma's {@code migration_lock.toml}, a README) are not migrations and are left alone.
 */
final class MigrationFolder {

    /** One migration: its version (the timestamp), its name, the tool's key for it, and its SQL file. */
    record Migration(String version, String name, String key, Path file) {
    }

    private static final Pattern NAMED = Pattern.compile("^([0-9]+)_(.+)$");
    private static final Pattern SUPABASE = Pattern.compile("^([0-9]+)_(.+)\\.sql$");
    private static final Pattern FLYWAY = Pattern.compile("^[VUR][0-9._]*__.+\\.sql$");

    private final Path folder;
    private final MigrationLayout layout;

    MigrationFolder(Path folder, MigrationLayout layout) {
        this.folder = folder;
        this.layout = layout;
    }

    /** Prisma when a sub-folder holds a {@code migration.sql}; Supabase when files are {@code DIGITS_name.sql}. */
    static MigrationLayout detect(Path folder) {
        List<Path> entries = list(folder);
        if (entries.stream().anyMatch(e -> Files.isRegularFile(e.resolve("migration.sql")))) {
            return MigrationLayout.PRISMA;
        }
        boolean flyway = entries.stream().anyMatch(e -> FLYWAY.matcher(e.getFileName().toString()).matches());
        boolean supabase = entries.stream().anyMatch(e -> SUPABASE.matcher(e.getFileName().toString()).matches());
        return supabase && !flyway ? MigrationLayout.SUPABASE : MigrationLayout.FLYWAY;
    }

    Path folder() {
        return folder;
    }

    /** The migrations on disk, in the order they apply. */
    List<Migration> migrations() {
        return list(folder).stream().map(this::migration).flatMap(Optional::stream)
                .sorted(Comparator.comparing((Migration m) -> new java.math.BigInteger(m.version()))
                        .thenComparing(Migration::name)).toList();
    }

    /** The file as shown in findings and status: relative to the folder ({@code 20240101_init/migration.sql}). */
    String shown(Path file) {
        return folder.relativize(file).toString();
    }

    private Optional<Migration> migration(Path entry) {
        String fileName = entry.getFileName().toString();
        if (layout == MigrationLayout.PRISMA) {
            Matcher m = NAMED.matcher(fileName);
            Path sql = entry.resolve("migration.sql");
            return m.matches() && Files.isRegularFile(sql)
                    ? Optional.of(new Migration(m.group(1), m.group(2), fileName, sql)) : Optional.empty();
        }
        Matcher m = SUPABASE.matcher(fileName);
        return m.matches() && Files.isRegularFile(entry)
                ? Optional.of(new Migration(m.group(1), m.group(2), m.group(1), entry)) : Optional.empty();
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read migrations folder " + folder + ": " + e.getMessage());
        }
    }
}
