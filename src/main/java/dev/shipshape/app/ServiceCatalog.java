package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.Suggestions;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import dev.shipshape.runbook.Runbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The services a server holds: one runbook each, {@code DIR/*.yaml} or {@code DIR/*}{@code /shipshape.yaml}, listed
 * valid or not. A runbook that does not validate is listed with its problems and never loaded in part; two files
 * that declare the same service are both listed with that problem. The folder is looked at again on each call
 * (its files, their sizes and modification times) and read again only when that changed; safe for concurrent
 * callers.
 */
public final class ServiceCatalog {

    /**
     * One service as its runbook file has it.
     *
     * @param name     the service the runbook declares; when it names none that can be read, its file
     * @param runbook  the runbook file (absolute)
     * @param file     the runbook file as problems name it: relative to the catalog's folder
     * @param folder   the service's folder: steps run in it, relative paths and its {@code .shipshape/} are in it
     * @param problems why it cannot be deployed; empty when its runbook is valid
     */
    public record Service(String name, Path runbook, String file, Path folder, List<Problem> problems) {

        public Service {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * What a deploy or a plan of a service takes: its runbook as {@link Deployments.DeployRequest} wants it, and the
     * composition root of its folder ({@link Shipshape#forFolder(Path)}), whose store is the catalog's root's.
     */
    public record Deployable(Service service, Runbooks.Loaded runbook, Shipshape root) {
    }

    /**
     * A service as a reader sees it: its runbook's text, and its summary when it is valid.
     *
     * @param text    the runbook file as it is now
     * @param summary null when the runbook has problems (they are the service's)
     */
    public record Description(Service service, String text, RunbookSummary summary) {
    }

    private final Shipshape app;
    private final CatalogFolder folder;

    ServiceCatalog(Shipshape app, Path folder) {
        this.app = app;
        this.folder = new CatalogFolder(folder, app.settings().env());
    }

    /** The catalog's folder (absolute). */
    public Path folder() {
        return folder.path();
    }

    /** Every service, in the order of their files' names. */
    public List<Service> services() {
        return folder.current().services();
    }

    /**
     * The service of that name; when two files declare it, the first of them (both carry the problem).
     *
     * @throws ShipshapeException NOT_FOUND, with the closest name when there is one
     */
    public Service find(String name) {
        return named(name, services());
    }

    /**
     * The service's runbook, loaded, and the root to deploy or plan it with.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown service
     * @throws InvalidRunbookException when its runbook has problems (they are the exception's)
     */
    public Deployable deployable(String name) {
        CatalogFolder.Snapshot snapshot = folder.current();
        Service service = named(name, snapshot.services());
        if (!service.valid()) {
            throw new InvalidRunbookException(service.file(), service.problems());
        }
        return new Deployable(service, snapshot.loaded(service), app.forFolder(service.folder()));
    }

    /** The runbooks of the valid services, in the order of their files' names. */
    public List<Runbook> runbooks() {
        CatalogFolder.Snapshot snapshot = folder.current();
        return snapshot.services().stream().filter(Service::valid).map(s -> snapshot.loaded(s).runbook()).toList();
    }

    /**
     * The service's runbook text and, when valid, its summary.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown service, FAILED when its file cannot be read any more
     */
    public Description describe(String name) {
        CatalogFolder.Snapshot snapshot = folder.current();
        Service service = named(name, snapshot.services());
        if (service.valid()) {
            Runbooks.Loaded loaded = snapshot.loaded(service);
            return new Description(service, loaded.text(), RunbookSummary.of(loaded.runbook()));
        }
        try {
            return new Description(service, Files.readString(service.runbook()), null);
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.FAILED, "cannot read " + service.file() + ": "
                    + e.getMessage() + "; check the file's permissions");
        }
    }

    private Service named(String name, List<Service> services) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(name, services));
    }

    private ShipshapeException unknown(String name, List<Service> services) {
        List<String> names = services.stream().map(Service::name).distinct().toList();
        String next = names.isEmpty() ? "there are no runbooks in " + folder.path() + " (DIR/*.yaml or"
                + " DIR/*/shipshape.yaml)" : Suggestions.hint(name, names);
        return new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "no service '" + name + "' in "
                + folder.path() + "; " + next);
    }
}
