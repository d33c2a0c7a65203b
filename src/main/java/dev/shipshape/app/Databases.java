package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.plan.Planner;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PgTools;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.runbook.DatabaseTarget;
import dev.shipshape.runbook.Runbook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** An environment's database as the database use cases work on it: its target, address and client programs. */
public final class Databases {

    /**
     * @param secretsFile the secrets file asked for, or null for {@code .shipshape/secrets}
     * @param progress    told what the work does as it goes (the CLI prints it on stderr)
     */
    public record DatabaseRequest(Runbooks.Loaded runbook, String environment, Path secretsFile, Actor actor,
                                  Consumer<String> progress) {
    }

    private final Shipshape app;

    Databases(Shipshape app) {
        this.app = app;
    }

    /**
     * The runbook's environment and its database.
     *
     * @throws ShipshapeException INVALID_INPUT for an unknown environment or one that declares no database
     */
    public DatabaseTarget target(Runbook loaded, String environment) {
        var env = loaded.environment(environment).orElseThrow(() -> new ShipshapeException(Code.INVALID_INPUT,
                "environment '" + environment + "' is not defined in " + app.runbooks().shown(loaded.source())
                        + "; defined: " + String.join(", ", loaded.environments().keySet())));
        env.databaseIfAny().orElseThrow(() -> new ShipshapeException(Code.INVALID_INPUT, "environment '"
                + environment + "' declares no database; add environments." + environment
                + ".database with url, user and password"));
        // ${vars.NAME} and ${env:NAME} resolve as in a deployment's plan; secrets stay references until connecting
        return new Planner(app.settings().env()).database(loaded, environment);
    }

    /** Everything a use case needs to work on the database, secrets revealed in memory only. */
    public DatabaseWork work(DatabaseRequest request, PostgresRecords records) {
        DatabaseTarget target = target(request.runbook().runbook(), request.environment());
        var secrets = app.secrets(request.secretsFile())
                .forTexts(target.settings().user(), target.settings().password(), target.settings().url());
        DatabaseAddress address = DatabaseAddress.of(target.settings(), secrets);
        return work(request, target, address, records, Duration.ofHours(8));
    }

    /** Work that needs no connection (listing backups): no secrets are looked up. */
    public DatabaseWork offline(DatabaseRequest request) {
        return work(request, target(request.runbook().runbook(), request.environment()), null, PostgresRecords.NONE,
                Duration.ZERO);
    }

    /**
     * The environment's migrations folder, beside the runbook.
     *
     * @throws ShipshapeException INVALID_INPUT when the environment declares none
     */
    public static Path migrations(DatabaseWork work) {
        String folder = work.target().settings().migrations();
        if (folder == null) {
            throw new ShipshapeException(Code.INVALID_INPUT, "environment " + work.environment() + " declares no "
                    + "migrations folder; set database.migrations");
        }
        return work.runbookFolder().resolve(folder);
    }

    private DatabaseWork work(DatabaseRequest request, DatabaseTarget target, DatabaseAddress address,
                              PostgresRecords records, Duration timeout) {
        Shipshape.Settings settings = app.settings();
        return new DatabaseWork(target, address, request.runbook().path().getParent(), new PgTools(settings.env(),
                settings.processes()), records, settings.clock(), null, request.actor().name(), request.progress(),
                () -> false, timeout);
    }
}
