package dev.shipshape.postgres.backup;

import dev.shipshape.postgres.BackupManifest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One environment's backup folder. A dump is written as {@code ID.dump.partial} and renamed when
 * pg_dump succeeded; {@code ID.json} (the manifest) is written last, through a temporary name, so
 * that a backup is listed only when complete and checked. {@code .ID.claim} files reserve ids, so
 * two backups in the same second get {@code backup_..._HHMMSS} and {@code backup_..._HHMMSS_2}.
 */
public final class BackupFolder {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'backup_'yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);
    /** A backup's files other than its manifest: {@code [.]ID} and a suffix. */
    private static final java.util.regex.Pattern BACKUP_FILE = java.util.regex.Pattern.compile(
            "\\.?(backup_\\d{8}_\\d{6}(?:_\\d+)?)(\\.dump\\.partial|\\.dump|\\.dir|\\.json\\.tmp|\\.claim)");
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public BackupFolder(Path folder) {
        this.folder = folder;
    }

    public Path path() {
        return folder;
    }

    /** Reserves a new id for a backup started at {@code at}. */
    String claim(Instant at) {
        create(folder);
        String base = ID.format(at);
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "_" + n;
            try {
                Files.createFile(folder.resolve("." + id + ".claim"));
                return id;
            } catch (FileAlreadyExistsException taken) {
                // another backup in the same second: try the next suffix
            } catch (IOException e) {
                throw new ShipshapeException(Code.FAILED, "cannot write in the backup folder " + folder + ": " + e);
            }
        }
    }

    Path partial(String id) {
        return folder.resolve(id + ".dump.partial");
    }

    Path dump(String id) {
        return folder.resolve(id + ".dump");
    }

    /** Publishes a backup: the dump under its final name, then its manifest. */
    void publish(Path partial, BackupManifest manifest) throws IOException {
        Files.move(partial, folder.resolve(manifest.file()), StandardCopyOption.ATOMIC_MOVE);
        Path temp = folder.resolve("." + manifest.id() + ".json.tmp");
        json.writeValue(temp.toFile(), manifest);
        Files.move(temp, folder.resolve(manifest.id() + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Valid backups, newest first. */
    public List<BackupManifest> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupManifest> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("backup_.*\\.json")).toList()) {
                out.add(json.readValue(file.toFile(), BackupManifest.class));
            }
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read backups in " + folder + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::id).reversed());
        return out;
    }

    /** A backup by id, or the newest for {@code latest}. */
    public BackupManifest find(String idOrLatest) {
        List<BackupManifest> all = list();
        Optional<BackupManifest> found = "latest".equals(idOrLatest) ? all.stream().findFirst()
                : all.stream().filter(m -> m.id().equals(idOrLatest)).findFirst();
        return found.orElseThrow(() -> new ShipshapeException(Code.NOT_FOUND, ("latest".equals(idOrLatest)
                ? "there is no valid backup" : "backup " + idOrLatest + " not found") + " in " + folder
                + (all.isEmpty() ? "; take one with 'shipshape db backup'" : "; valid backups: "
                + String.join(", ", all.stream().limit(5).map(BackupManifest::id).toList()))));
    }

    public Path fileOf(BackupManifest manifest) {
        return folder.resolve(manifest.file());
    }

    /**
     * Removes every file a failed backup may have left: the partial or published dump, the manifest's
     * temporary file and the id's claim. A backup whose manifest was written is never touched.
     */
    void discard(String id) {
        if (Files.exists(folder.resolve(id + ".json"))) {
            return;
        }
        for (Path p : List.of(partial(id), dump(id), folder.resolve(id + ".dir"),
                folder.resolve("." + id + ".json.tmp"), folder.resolve("." + id + ".claim"))) {
            removeTree(p);
        }
    }

    /**
     * Files that belong to no valid backup: left by a backup that crashed (or by one running now),
     * oldest first. Each can be removed; a valid backup's files are never listed.
     */
    public List<Path> leftovers() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> idOf(p.getFileName().toString()).filter(id -> !Files.exists(
                    folder.resolve(id + ".json"))).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read backups in " + folder + ": " + e.getMessage());
        }
    }

    /** The backup id a file of this folder belongs to, if it is one of a backup's files. */
    private static Optional<String> idOf(String name) {
        java.util.regex.Matcher m = BACKUP_FILE.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static void removeTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> inside = Files.walk(path)) {
            for (Path p : inside.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }

    /** Deletes a backup: its manifest first, so a half-deleted backup is never listed as valid. */
    void delete(BackupManifest manifest) {
        try {
            Files.deleteIfExists(folder.resolve(manifest.id() + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete backup " + manifest.id(), e);
        }
        removeTree(fileOf(manifest));
        removeTree(folder.resolve("." + manifest.id() + ".claim"));
    }


    String toJson(BackupManifest manifest) {
        try {
            return json.writeValueAsString(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "cannot create the backup folder " + folder + ": " + e);
        }
    }
}
