package dev.shipshape.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What PostgreSQL operations record in the store: every backup attempt and whether it became
 * valid, and every action on a database (restore, migration decisions, cancel, terminate,
 * allowed unsafe migrations). Implemented in the store package.
 */
public interface PostgresRecords {

    void backupStarted(String id, String service, String environment, String runId, Instant at);

    /** Marks a backup valid: only after pg_dump exited 0 and its checksum is known. */
    void backupValid(BackupManifest manifest);

    void backupFailed(String id, String reason);

    void backupDeleted(String id);

    /** Ids of backups taken by runs that have not finished (their rollback may still restore them). */
    Set<String> heldByUnfinishedRuns(String service, String environment);

    void action(DatabaseAction action);

    /** Actions on a service's environment, oldest first. */
    List<DatabaseAction> actions(String service, String environment);

    /** Records nothing: for commands that run without a store. */
    PostgresRecords NONE = new PostgresRecords() {
        @Override
        public void backupStarted(String id, String service, String environment, String runId, Instant at) {
        }

        @Override
        public void backupValid(BackupManifest manifest) {
        }

        @Override
        public void backupFailed(String id, String reason) {
        }

        @Override
        public void backupDeleted(String id) {
        }

        @Override
        public Set<String> heldByUnfinishedRuns(String service, String environment) {
            return Set.of();
        }

        @Override
        public void action(DatabaseAction action) {
        }

        @Override
        public List<DatabaseAction> actions(String service, String environment) {
            return List.of();
        }
    };
}
