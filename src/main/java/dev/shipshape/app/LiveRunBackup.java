package dev.shipshape.app;

import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.plan.Planner;
import dev.shipshape.plan.RunBackup;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PgTools;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.postgres.backup.BackupFolder;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.Runbook;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks up what {@code postgres.restore: run} restores in a rollback run: the newest backup taken by the
 * run that made the live version live, as the store's live-version history records it.
 */
final class LiveRunBackup {

    private LiveRunBackup() {
    }

    /**
     * For the rollback use case, or for resuming rollback run {@code resumed} (null otherwise): once that
     * run's restore made a version live, its backup came from the deploy run that had made {@code from} live.
     */
    static RunBackup of(Shipshape app, Actor actor, RunStore runs, Runbook runbook, String environment, String resumed) {
        Optional<LiveVersion> live = runs.live(runbook.service(), environment);
        if (live.isEmpty() || !restoresRunBackup(runbook)) {
            return RunBackup.NONE;
        }
        String version = live.get().version();
        String runId = live.get().runId();
        if (resumed != null && resumed.equals(runId)) {
            version = runs.run(resumed).map(RunRecord::version).orElse(version);
            runId = deployOf(runs, runbook.service(), environment, version).orElse(null);
        }
        return new RunBackup(version, runId, runId == null ? null : backupOf(app, actor, runbook, environment, runId));
    }

    /** Only a {@code postgres.restore: run} rollback step needs the backups looked at. */
    private static boolean restoresRunBackup(Runbook runbook) {
        return runbook.stages().stream().flatMap(stage -> stage.rollback().stream())
                .anyMatch(step -> step instanceof PostgresRestoreStep restore && "run".equals(restore.backup()));
    }

    /** The newest deploy run that made {@code version} live. */
    private static Optional<String> deployOf(RunStore runs, String service, String environment, String version) {
        return runs.runs(service, environment, 1000).stream().filter(r -> r.procedure().equals("deploy")
                && r.status() == RunStatus.SUCCEEDED && version.equals(r.version())).map(RunRecord::runId).findFirst();
    }

    /** The newest backup of the environment's database taken by the run; null when none (or no database). */
    private static String backupOf(Shipshape app, Actor actor, Runbook runbook, String environment, String runId) {
        if (runbook.environment(environment).flatMap(e -> e.databaseIfAny()).isEmpty()) {
            return null;
        }
        Shipshape.Settings settings = app.settings();
        DatabaseWork offline = new DatabaseWork(new Planner(settings.env()).database(runbook, environment), null,
                runbook.source().toAbsolutePath().getParent(), new PgTools(settings.env(), settings.processes()),
                PostgresRecords.NONE, settings.clock(), null, actor.name(), line -> { }, () -> false, Duration.ZERO);
        return new BackupFolder(offline.backupFolder()).list().stream().filter(m -> runId.equals(m.runId()))
                .map(BackupManifest::id).findFirst().orElse(null);
    }
}
