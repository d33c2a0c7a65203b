package dev.shipshape.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.ConnectFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A small connection pool plus the one way this package touches it: a unit of work that is
 * committed as a whole or rolled back as a whole.
 */
final class Database implements AutoCloseable {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Unique violation, serialization failure, deadlock (both databases); H2's lock timeout. */
    private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01", "HYT00");

    private final HikariDataSource pool;
    private final StoreAddress address;

    private Database(HikariDataSource pool, StoreAddress address) {
        this.pool = pool;
        this.address = address;
    }

    /**
     * Connects (at least one connection is made now, so a wrong URL fails here) and migrates. An H2
     * store that other commands are opening or closing is waited for, up to {@link StoreBusy#PATIENCE}.
     */
    static Database open(StoreAddress address) {
        try {
            return address.isH2() ? StoreBusy.patiently(() -> connect(address)) : connect(address);
        } catch (RuntimeException e) {
            if (StoreBusy.isBusy(e)) {
                throw new ShipshapeException(Code.STORE, "the run store at " + address.shown() + " stayed busy for "
                        + StoreBusy.PATIENCE.toSeconds() + "s: other shipshape commands kept opening or closing it ("
                        + address.scrub(OneLine.causeOf(e)) + "); try again when they are done", e);
            }
            String why = ConnectFailure.describe(e, address.jdbcUrl()).orElseGet(() -> OneLine.causeOf(e)
                    + "; check that the database is running and reachable, that the user and password are right,"
                    + " and that the URL names an existing database");
            throw new ShipshapeException(Code.STORE, "could not open the run store at " + address.shown() + ": "
                    + address.scrub(why), e);
        }
    }

    private static Database connect(StoreAddress address) {
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config(address));
            Schema.migrate(pool);
            return new Database(pool, address);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw e;
        }
    }

    private static HikariConfig config(StoreAddress address) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        config.setPassword(address.password());
        config.setMaximumPoolSize(address.poolSize());
        config.setMinimumIdle(1);
        // commit() is always explicit: no autocommit toggling, so no extra round trip per transaction
        config.setAutoCommit(false);
        config.setConnectionTimeout(10_000);
        config.setPoolName("shipshape-store");
        return config;
    }

    /**
     * Runs {@code work} in one transaction; on any failure nothing of it stays written. On an H2
     * store whose serving process just went away, the transaction is tried again on a new connection.
     */
    <T> T transaction(String what, Work<T> work) {
        return address.isH2() ? StoreBusy.patiently(() -> once(what, work)) : once(what, work);
    }

    private <T> T once(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                if (StoreBusy.isBusy(e)) {
                    pool.evictConnection(connection);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new ShipshapeException(Code.STORE, "could not " + what + " in the run store at " + address.shown()
                    + ": " + address.scrub(OneLine.causeOf(e)), e);
        }
    }

    /** A failed rollback must not hide why the transaction failed; the pool discards a broken connection. */
    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Whether a transaction failed only because a concurrent one got there first (duplicate key,
     * serialization failure, deadlock, lock timeout), so that trying again will decide cleanly.
     */
    static boolean isConflict(ShipshapeException failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }
}
