package dev.shipshape.steps.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.QueryCheck;
import dev.shipshape.postgres.backup.BackupFolder;
import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.postgres.backup.Backups;
import dev.shipshape.postgres.backup.Restore;
import dev.shipshape.postgres.diagnose.Diagnosis;
import dev.shipshape.postgres.diagnose.DiagnosisText;
import dev.shipshape.postgres.diagnose.Diagnostics;
import dev.shipshape.postgres.migrate.MigrationRun;
import dev.shipshape.runbook.PostgresBackupStep;
import dev.shipshape.runbook.PostgresDiagnoseStep;
import dev.shipshape.runbook.PostgresMigrateStep;
import dev.shipshape.runbook.PostgresQueryStep;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.PostgresSqlStep;
import dev.shipshape.runbook.Step;
import java.sql.Connection;
import java.sql.SQLException;

/** One method per PostgreSQL step kind: does it and returns the step's one-line message. */
final class PostgresOperations {

    /** An assertion of the step did not hold (not an error of the tool). */
    static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message, null, false, false);
        }
    }

    private PostgresOperations() {
    }

    static String run(Step step, DatabaseWork work) {
        return switch (step) {
            case PostgresBackupStep b -> {
                BackupManifest m = new Backups(work).take(b.label());
                yield "backup " + m.id() + " valid (" + m.sizeBytes() + " bytes, " + m.durationMs() + " ms)";
            }
            case PostgresRestoreStep r -> restore(r, work);
            case PostgresMigrateStep m -> migrate(m, work);
            case PostgresQueryStep q -> query(q, work);
            case PostgresSqlStep w -> SqlWrite.run(w, work);
            case PostgresDiagnoseStep d -> diagnose(d, work);
            default -> throw new IllegalArgumentException("not a PostgreSQL step: " + step.kind());
        };
    }

    private static String restore(PostgresRestoreStep step, DatabaseWork work) {
        String id = step.backup();
        if ("run".equals(id)) {
            id = new BackupFolder(work.backupFolder()).list().stream().filter(m -> work.runId().equals(m.runId()))
                    .map(BackupManifest::id).findFirst().orElseThrow(() -> new ShipshapeException(Code.NOT_FOUND,
                            "run " + work.runId() + " took no backup to restore"));
        }
        Restore.Restored restored = new Restore(work).restore(id, step.jobs(), "rollback of run " + work.runId());
        return "restored " + restored.backup().id() + " in " + restored.took().toMillis() + " ms; data written "
                + "since " + restored.backup().startedAt() + " is lost";
    }

    private static String migrate(PostgresMigrateStep step, DatabaseWork work) {
        String folder = step.migrations() != null ? step.migrations() : work.target().settings().migrations();
        if (folder == null) {
            throw new ShipshapeException(Code.INVALID_INPUT, "no migrations folder: set database.migrations of "
                    + "environment " + work.environment() + " or give the step one");
        }
        MigrationRun.Report report = new MigrationRun(work, work.runbookFolder().resolve(folder))
                .run(step.expectTables());
        if (!report.schemaProblems().isEmpty()) {
            throw new CheckFailed("migrated, but " + String.join("; ", report.schemaProblems()));
        }
        return report.applied().isEmpty() ? "no pending migrations" : "applied " + String.join(", ",
                report.applied()) + (report.backupId() == null ? "" : " (backup " + report.backupId() + " first)");
    }

    private static String query(PostgresQueryStep step, DatabaseWork work) {
        try (Connection c = work.address().connect()) {
            QueryCheck.Outcome outcome = QueryCheck.run(c, step.check());
            if (!outcome.passed()) {
                throw new CheckFailed(outcome.reason());
            }
            return outcome.reason();
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, e.getMessage());
        }
    }

    private static String diagnose(PostgresDiagnoseStep step, DatabaseWork work) {
        Diagnosis d = Diagnostics.of(work.address(), step.longRunning());
        DiagnosisText.lines(d).forEach(work::say);
        long worst = d.blocks().stream().mapToLong(Diagnosis.Block::waitingSeconds).max().orElse(0);
        if (step.failOnBlockedFor() != null && !d.blocks().isEmpty() && worst >= step.failOnBlockedFor().toSeconds()) {
            throw new CheckFailed(d.blocks().size() + " blocked backend(s), the longest waiting " + worst + "s");
        }
        return d.connections() + "/" + d.maxConnections() + " connections, " + d.active().size() + " active, "
                + d.blocks().size() + " blocked, " + d.idleInTransaction().size() + " idle in transaction";
    }
}
