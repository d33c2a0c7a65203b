package dev.shipshape.postgres;

import dev.shipshape.runbook.BackupPolicy;
import dev.shipshape.runbook.DatabaseSettings;
import dev.shipshape.runbook.DatabaseTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Everything one database operation works with, passed explicitly: which database (settings and
 * the address with its revealed login), where the runbook lives, the client programs, where to
 * record, the clock, and who or which run is acting.
 *
 * @param runId     the run doing it, or null from the command line
 * @param by        the person (or run) doing it, for the record
 * @param output    progress lines (already free of secrets)
 * @param cancelled becomes true when the work should stop
 * @param timeout   how long client programs may run
 */
public record DatabaseWork(DatabaseTarget target, DatabaseAddress address, Path runbookFolder, PgTools tools,
                           PostgresRecords records, Clock clock, String runId, String by, Consumer<String> output,
                           BooleanSupplier cancelled, Duration timeout) {

    public String service() {
        return target.service();
    }

    public String environment() {
        return target.environment();
    }

    public BackupPolicy backupPolicy() {
        return target.settings().backup() != null ? target.settings().backup() : BackupPolicy.defaults();
    }

    /** The backup folder: the policy's (relative to the runbook) or {@code .shipshape/backups/SERVICE/ENV}. */
    public Path backupFolder() {
        String folder = backupPolicy().folder();
        return folder != null ? runbookFolder.resolve(folder).resolve(environment())
                : runbookFolder.resolve(".shipshape").resolve("backups").resolve(service()).resolve(environment());
    }

    /** The same work with another backup policy (a command's {@code --format}/{@code --jobs} for one backup). */
    public DatabaseWork withBackupPolicy(BackupPolicy policy) {
        var s = target.settings();
        DatabaseTarget changed = new DatabaseTarget(target.service(), target.environment(), new DatabaseSettings(
                s.url(), s.user(), s.password(), s.migrations(), policy, s.onMigrationFailure(), s.recovery(), s.layout(),
                s.migrateCommand()));
        return new DatabaseWork(changed, address, runbookFolder, tools, records, clock, runId, by, output, cancelled,
                timeout);
    }

    public DatabaseAction action(String kind, String what, String reason, String outcome) {
        return new DatabaseAction(service(), environment(), kind, what, by, reason, outcome, runId, clock.instant());
    }

    public void say(String line) {
        output.accept(address.redact(line));
    }
}
