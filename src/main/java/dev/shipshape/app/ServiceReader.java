package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import dev.shipshape.runbook.yaml.RunbookLoader;
import dev.shipshape.runbook.yaml.RunbookText;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the catalog's runbook files into services: each whole (valid, with its runbook) or with its problems
 * (nothing of it loaded), then marks the services that more than one file declares.
 */
final class ServiceReader {

    /** One file as read: its service, where the name is written, and its runbook or its problems. */
    private record Read(ServiceCatalog.Service service, Optional<RunbookLoader.NamedService> named,
                        Runbooks.Loaded runbook) {
    }

    private final Runbooks runbooks;
    private final Map<String, String> env;

    ServiceReader(Path folder, Map<String, String> env) {
        this.runbooks = new Runbooks(folder, env);
        this.env = env;
    }

    CatalogFolder.Snapshot read(List<CatalogFolder.Seen> seen) {
        List<Read> read = new ArrayList<>();
        for (CatalogFolder.Seen file : seen) {
            read(file.file()).ifPresent(read::add);
        }
        List<ServiceCatalog.Service> services = new ArrayList<>();
        Map<Path, Runbooks.Loaded> valid = new HashMap<>();
        for (Read one : markDuplicates(read)) {
            services.add(one.service());
            if (one.service().valid()) {
                valid.put(one.service().runbook(), one.runbook());
            }
        }
        return new CatalogFolder.Snapshot(seen, List.copyOf(services), Map.copyOf(valid));
    }

    /** Empty when the file is gone since it was listed. */
    private Optional<Read> read(Path file) {
        String shown = runbooks.shown(file);
        String text;
        try {
            text = RunbookText.read(file, shown, RunbookText.maxBytes(env));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            return Optional.of(broken(file, shown, Optional.empty(), List.of(new Problem(shown, 0, 0, "",
                    "cannot read the runbook: " + why, "check that the server may read it"))));
        } catch (InvalidRunbookException e) {
            return Optional.of(broken(file, shown, Optional.empty(), e.problems()));
        } catch (ShipshapeException e) {
            return Optional.of(broken(file, shown, Optional.empty(), List.of(new Problem(shown, 0, 0, "",
                    e.getMessage(), null))));
        }
        Optional<RunbookLoader.NamedService> named = RunbookLoader.namedService(text);
        try {
            Runbooks.Loaded loaded = new Runbooks.Loaded(runbooks.parse(file, text), file, text);
            return Optional.of(new Read(service(loaded.runbook().service(), file, shown, List.of()), named, loaded));
        } catch (InvalidRunbookException e) {
            return Optional.of(broken(file, shown, named, e.problems()));
        }
    }

    private static Read broken(Path file, String shown, Optional<RunbookLoader.NamedService> named,
                               List<Problem> problems) {
        String name = named.map(RunbookLoader.NamedService::name).orElse(shown);
        return new Read(service(name, file, shown, problems), named, null);
    }

    private static ServiceCatalog.Service service(String name, Path file, String shown, List<Problem> problems) {
        return new ServiceCatalog.Service(name, file, shown, file.getParent(), problems);
    }

    /** Every file of a service that another file declares too gets a problem naming the others. */
    private static List<Read> markDuplicates(List<Read> read) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        read.forEach(r -> files.computeIfAbsent(r.service().name(), n -> new ArrayList<>()).add(r.service().file()));
        return read.stream().map(r -> {
            List<String> others = new ArrayList<>(files.get(r.service().name()));
            others.remove(r.service().file());
            return others.isEmpty() ? r : duplicate(r, others);
        }).toList();
    }

    private static Read duplicate(Read r, List<String> others) {
        ServiceCatalog.Service s = r.service();
        List<Problem> problems = new ArrayList<>(s.problems());
        problems.add(new Problem(s.file(), r.named().map(RunbookLoader.NamedService::line).orElse(0),
                r.named().map(RunbookLoader.NamedService::column).orElse(0), "service", "service '" + s.name()
                + "' is declared by " + String.join(" and ", others) + " too", "give each service one runbook:"
                + " rename the service in one file, or remove one of them"));
        return new Read(new ServiceCatalog.Service(s.name(), s.runbook(), s.file(), s.folder(), problems), r.named(),
                null);
    }
}
