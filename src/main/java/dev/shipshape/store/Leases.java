package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.EnvLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The environment locks as leases, each operation one transaction. Taking a lock must be right
 * when two processes race: the row is read {@code FOR UPDATE}; when there is no row yet both may
 * try to insert it, the database lets exactly one succeed, and the other tries again and then
 * sees the winner's row.
 */
final class Leases {

    private static final int ATTEMPTS = 3;

    private final Database database;

    Leases(Database database) {
        this.database = database;
    }

    Optional<EnvLock> tryLock(EnvLock wanted) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.transaction("take the lock", connection -> take(connection, wanted));
            } catch (ShipshapeException e) {
                if (attempt >= ATTEMPTS || !Database.isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static Optional<EnvLock> take(Connection connection, EnvLock wanted) throws SQLException {
        Optional<EnvLock> current = LockTable.read(connection, wanted.service(), wanted.environment(), true);
        if (current.isEmpty()) {
            LockTable.insert(connection, wanted);
        } else if (current.get().expiredAt(wanted.acquiredAt()) || current.get().runId().equals(wanted.runId())) {
            LockTable.takeOver(connection, wanted);
        } else {
            return current;
        }
        EventLog.appendIfRunExists(connection, wanted.runId(), wanted.acquiredAt(), "lock.acquired",
                "locked " + wanted.service() + "/" + wanted.environment() + " for " + wanted.holder()
                        + " until " + wanted.expiresAt());
        return Optional.empty();
    }

    boolean renew(String service, String environment, String runId, Instant expiresAt) {
        return database.transaction("renew the lock",
                connection -> LockTable.renew(connection, service, environment, runId, expiresAt));
    }

    void unlock(String service, String environment, String runId, Instant at) {
        database.transaction("release the lock", connection -> {
            if (LockTable.delete(connection, service, environment, runId)) {
                EventLog.appendIfRunExists(connection, runId, at, "lock.released",
                        "released " + service + "/" + environment);
            }
            return null;
        });
    }

    Optional<EnvLock> lock(String service, String environment) {
        return database.transaction("read the lock",
                connection -> LockTable.read(connection, service, environment, false));
    }

    Optional<EnvLock> forceUnlock(String service, String environment, String by, String reason, Instant at) {
        return database.transaction("force the lock open", connection -> {
            Optional<EnvLock> held = LockTable.read(connection, service, environment, true);
            if (held.isPresent()) {
                LockTable.delete(connection, service, environment, null);
                EventLog.appendIfRunExists(connection, held.get().runId(), at, "lock.forced",
                        CancelRequests.text(by, reason));
            }
            return held;
        });
    }
}
