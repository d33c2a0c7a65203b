package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The catalog's folder as last read: its runbook files ({@code *.yaml}, {@code *}{@code /shipshape.yaml}; hidden
 * names left out) with their sizes and modification times, and the services read from them. Each look lists the
 * files again; only when that list differs are they read again, by one caller at a time.
 */
final class CatalogFolder {

    /** A runbook file as listed: a change to any of these means reading the folder again. */
    record Seen(Path file, FileTime modified, long size) {
    }

    /** The services as read from the files {@code seen} lists, and the runbooks of the valid ones. */
    record Snapshot(List<Seen> seen, List<ServiceCatalog.Service> services, Map<Path, Runbooks.Loaded> runbooks) {

        Runbooks.Loaded loaded(ServiceCatalog.Service service) {
            return runbooks.get(service.runbook());
        }
    }

    private final Path path;
    private final ServiceReader reader;
    private volatile Snapshot last;

    CatalogFolder(Path path, Map<String, String> env) {
        this.path = path.toAbsolutePath().normalize();
        this.reader = new ServiceReader(this.path, env);
    }

    Path path() {
        return path;
    }

    /** The services as the files are now. */
    Snapshot current() {
        List<Seen> seen = look();
        Snapshot known = last;
        if (known != null && known.seen().equals(seen)) {
            return known;
        }
        synchronized (this) {
            known = last;
            if (known == null || !known.seen().equals(seen)) {
                // Listed before reading: a file changed while it is read is read again on the next look.
                known = reader.read(seen);
                last = known;
            }
            return known;
        }
    }

    private List<Seen> look() {
        List<Seen> seen = new ArrayList<>();
        for (Path file : runbookFiles()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                seen.add(new Seen(file, attributes.lastModifiedTime(), attributes.size()));
            } catch (NoSuchFileException gone) {
                // removed since it was listed: not a service any more
            } catch (IOException e) {
                seen.add(new Seen(file, FileTime.fromMillis(0), -1));
            }
        }
        return List.copyOf(seen);
    }

    private List<Path> runbookFiles() {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(CatalogFolder::runbookOf).flatMap(Stream::ofNullable).toList();
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "cannot list the runbooks in " + path
                    + ": " + (e instanceof NoSuchFileException ? "the folder does not exist" : e.getMessage())
                    + "; check the folder given to --runbooks");
        }
    }

    /** A top-level {@code *.yaml} file, or a folder's {@code shipshape.yaml}; null for anything else. */
    private static Path runbookOf(Path entry) {
        if (Files.isDirectory(entry)) {
            Path runbook = entry.resolve("shipshape.yaml");
            return Files.isRegularFile(runbook) ? runbook : null;
        }
        return entry.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(entry) ? entry : null;
    }
}
