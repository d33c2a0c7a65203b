package dev.shipshape.postgres.trace;

import dev.shipshape.postgres.lint.Observation;
import dev.shipshape.time.Sleeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Runs one statement on the scratch copy and observes it. A statement that may run in a
 * transaction runs in one of its own, and its locks are read from pg_locks in that transaction
 * right after it (a transaction per statement, so each statement's locks are its own). One that
 * cannot ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}) runs in autocommit while a second
 * session samples its locks; that session holds a snapshot open at first, which a concurrent
 * index build waits for, so its lock is seen even on an empty table.
 */
final class StatementTrace {

    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile("(?is)(.*\\bCONCURRENTLY\\b.*|^\\s*VACUUM\\b.*)");
    private static final long HOLD_MILLIS = 5_000;
    private final Connection runner;
    private final Connection watcher;
    private final int runnerPid;

    StatementTrace(Connection runner, Connection watcher) throws SQLException {
        this.runner = runner;
        this.watcher = watcher;
        this.runnerPid = Catalog.pid(runner);
        try (Statement st = runner.createStatement()) {
            st.execute("SET lock_timeout = '30s'");
        }
    }

    Observation observe(String sql) throws SQLException {
        return OUTSIDE_TRANSACTION.matcher(sql).matches() ? sampled(sql) : inTransaction(sql);
    }

    private Observation inTransaction(String sql) throws SQLException {
        runner.setAutoCommit(false);
        try (Statement st = runner.createStatement()) {
            Map<Long, Catalog.Table> before = Catalog.tables(runner);
            st.execute(sql);
            Set<Catalog.Lock> locks = Catalog.locks(runner, runnerPid, before);
            Map<Long, Catalog.Table> after = Catalog.tables(runner);
            runner.commit();
            return observation(locks, before, after);
        } catch (SQLException e) {
            runner.rollback();
            return Observation.failed(firstLine(e.getMessage()));
        }
    }

    private Observation sampled(String sql) throws SQLException {
        runner.setAutoCommit(true);
        Map<Long, Catalog.Table> before = Catalog.tables(watcher);
        holdSnapshot();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> execute(sql));
        Set<Catalog.Lock> seen = new HashSet<>();
        long release = System.currentTimeMillis() + HOLD_MILLIS;
        boolean holding = true;
        while (!running.isDone()) {
            seen.addAll(Catalog.locks(watcher, runnerPid, before));
            if (holding && (!seen.isEmpty() || System.currentTimeMillis() > release)) {
                watcher.commit();
                watcher.setAutoCommit(true);
                holding = false;
            }
            pause();
        }
        if (holding) {
            watcher.commit();
            watcher.setAutoCommit(true);
        }
        try {
            running.join();
        } catch (CompletionException e) {
            return Observation.failed(firstLine(e.getCause().getMessage()));
        }
        return observation(seen, before, Catalog.tables(watcher));
    }

    private void holdSnapshot() throws SQLException {
        watcher.setAutoCommit(false);
        watcher.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = watcher.createStatement()) {
            st.execute("SELECT 1");
        }
    }

    private void execute(String sql) {
        try (Statement st = runner.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static Observation observation(Set<Catalog.Lock> locks, Map<Long, Catalog.Table> before,
                                           Map<Long, Catalog.Table> after) {
        String strongest = Catalog.strongest(locks);
        return new Observation(strongest, Catalog.holding(locks, strongest), Catalog.rewritten(before, after), null);
    }

    private static void pause() {
        try {
            Sleeper.SYSTEM.pause(Duration.ofMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "").strip();
    }
}
