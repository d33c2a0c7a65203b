package dev.shipshape.server;

import dev.shipshape.app.DatabaseBackups;
import dev.shipshape.app.Databases;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * An environment's database backups: listed, one taken now, and a restore over the database, which needs the
 * backup's id again as an explicit confirmation (everything written since the backup is lost).
 */
final class BackupRoutes {

    static final String BACKUPS = EnvironmentRoutes.ENVIRONMENT + "/backups";

    /** @param label a note kept with the backup */
    record NewBackup(String label) {
    }

    /** @param confirm the backup's id, as in the path: the caller knows what they replace the database with */
    record RestoreBackup(String confirm, String reason) {
    }

    /** @param keptDatabase the replaced database when it could not be dropped, else null */
    record Restored(String backupId, String database, long tookMillis, String keptDatabase) {
    }

    private BackupRoutes() {
    }

    static List<Route> routes(Backend backend) {
        ServiceCatalog catalog = ServiceAccess.catalog(backend);
        return List.of(
                Route.get(BACKUPS, Route.Access.role(Role.VIEWER), "The environment's valid backups, newest first",
                        ctx -> {
                            ServiceCatalog.Deployable service = service(ctx, catalog);
                            ApiJson.answer(ctx, 200, backups(backend, service).list(database(ctx, service), false)
                                    .backups());
                        }),
                Route.post(BACKUPS, Route.Access.role(Role.DEPLOYER), "db backup", "Take a backup of the"
                        + " environment's database now", ctx -> backup(ctx, backend, catalog)),
                Route.post(BACKUPS + "/{backup}/restore", Route.Access.role(Role.ADMIN), "db restore",
                        "Replace the environment's database with a verified backup; confirm with its id",
                        ctx -> restore(ctx, backend, catalog)));
    }

    private static void backup(Context ctx, Backend backend, ServiceCatalog catalog) {
        target(ctx, null);
        NewBackup body = ApiJson.read(ctx, NewBackup.class);
        ServiceCatalog.Deployable service = service(ctx, catalog);
        DatabaseBackups.Taken taken = backups(backend, service).backup(new DatabaseBackups.BackupRequest(
                database(ctx, service), body.label(), null, null));
        ApiJson.answer(ctx, 201, taken.manifest());
    }

    private static void restore(Context ctx, Backend backend, ServiceCatalog catalog) {
        String backup = Requests.pathParam(ctx, "backup");
        target(ctx, backup);
        RestoreBackup body = ApiJson.read(ctx, RestoreBackup.class);
        if (!backup.equals(body.confirm())) {
            throw new ApiProblem(400, "confirmation_required", "restoring " + backup + " replaces the database of "
                    + ctx.pathParam("env") + ": everything written since the backup is lost; to go on, send"
                    + " {\"confirm\": \"" + backup + "\"}; nothing was restored", Map.of("confirm", backup));
        }
        ServiceCatalog.Deployable service = service(ctx, catalog);
        DatabaseBackups.Restored done = backups(backend, service).restore(new DatabaseBackups.RestoreRequest(
                database(ctx, service), backup, null, body.reason(), (chosen, warning) -> true));
        ApiJson.answer(ctx, 200, new Restored(done.backup().id(), done.database(), done.took().toMillis(),
                done.keptDatabase()));
    }

    private static void target(Context ctx, String backup) {
        Requests.target(ctx, "service=" + Requests.pathParam(ctx, "service") + " env=" + Requests.pathParam(ctx, "env")
                + (backup == null ? "" : " backup=" + backup));
    }

    /** The service's backups (its folder's root: backup folder and secrets file are the service's). */
    private static DatabaseBackups backups(Backend backend, ServiceCatalog.Deployable service) {
        return service.root().backups(backend.storeAccess());
    }

    /** The environment's database as the backup use cases take it, once the environment is known to exist. */
    private static Databases.DatabaseRequest database(Context ctx, ServiceCatalog.Deployable service) {
        String environment = Requests.pathParam(ctx, "env");
        ServiceAccess.environment(service.runbook().runbook(), environment);
        return new Databases.DatabaseRequest(service.runbook(), environment, null, Requests.caller(ctx).actor(),
                line -> { });
    }

    private static ServiceCatalog.Deployable service(Context ctx, ServiceCatalog catalog) {
        return ServiceAccess.deployable(catalog, Requests.pathParam(ctx, "service"));
    }
}
