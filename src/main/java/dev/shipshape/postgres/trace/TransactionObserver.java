package dev.shipshape.postgres.trace;

import dev.shipshape.time.Sleeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Runs a migration (the statements of one transaction) on a database whose data may be thrown
 * away, and observes it with the trace's means: locks from pg_locks, rewrites from relfilenode,
 * full reads from the transaction's scan counters, and a {@link Probe} session trying a read and a
 * write on every table after each statement, while the locks are still held. The transaction is
 * committed (run it on a copy). A statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY},
 * {@code VACUUM}, ...) runs alone in autocommit while a watcher holds a snapshot and ACCESS SHARE on
 * every table, so the statement is seen taking or waiting for its lock and the probe tries meanwhile.
 */
public final class TransactionObserver implements AutoCloseable {

    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile("(?is)\\s*(VACUUM\\b.*|CLUSTER\\s*"
            + "|(CREATE|DROP|REINDEX)\\b.*\\bCONCURRENTLY\\b.*|ALTER\\s+TABLE\\b.*\\bDETACH\\b.*\\bCONCURRENTLY\\s*)");
    private static final long HOLD_MILLIS = 2_000;
    private final Connection runner;
    private final Connection watcher;
    private final Probe probe;
    private final Connection probeSession;
    private final int runnerPid;

    /** Three sessions on the same database: the migration's, the watcher's and the probe's; closed by {@link #close}. */
    public TransactionObserver(Connection runner, Connection watcher, Connection probe) throws SQLException {
        this.runner = runner;
        this.watcher = watcher;
        this.probeSession = probe;
        this.probe = new Probe(probeSession);
        this.runnerPid = Catalog.pid(runner);
        try (Statement st = runner.createStatement()) {
            st.execute("SET lock_timeout = '30s'");
        }
    }

    /** Whether PostgreSQL refuses to run {@code sql} inside a transaction block. */
    public static boolean outsideTransaction(String sql) {
        return OUTSIDE_TRANSACTION.matcher(sql).matches();
    }

    public ObservedVerdict observe(List<String> statements) throws SQLException {
        return statements.size() == 1 && outsideTransaction(statements.get(0)) ? sampled(statements.get(0))
                : inTransaction(statements);
    }

    private ObservedVerdict inTransaction(List<String> statements) throws SQLException {
        runner.setAutoCommit(false);
        Map<Long, Catalog.Table> before = Catalog.tables(runner);
        Map<Long, Long> scansBefore = Catalog.scans(runner);
        Set<String> rewritten = new TreeSet<>();
        Set<String> scanned = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<Catalog.Lock> locks = new HashSet<>();
        boolean unsafe = false;
        try (Statement st = runner.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
                locks.addAll(Catalog.locks(runner, runnerPid, before));
                Map<Long, Long> scansNow = Catalog.scans(runner);
                List<String> rewroteNow = Catalog.rewritten(before, Catalog.tables(runner));
                Set<String> scannedNow = scannedSince(scansBefore, scansNow, before);
                Probe.Blocked blocked = probe.tryEach(before.values());
                unsafe |= blocked.any() && (!scannedNow.isEmpty() || !rewroteNow.stream().allMatch(rewritten::contains));
                rewritten.addAll(rewroteNow);
                scanned.addAll(scannedNow);
                reads.addAll(blocked.reads());
                writes.addAll(blocked.writes());
                scansBefore = scansNow;
            }
        } catch (SQLException e) {
            runner.rollback();
            return ObservedVerdict.failed(StatementTrace.firstLine(e.getMessage()));
        }
        runner.commit();
        String strongest = Catalog.strongest(locks);
        return new ObservedVerdict(unsafe, strongest, Catalog.holding(locks, strongest), rewritten, scanned, reads,
                writes, null);
    }

    private static Set<String> scannedSince(Map<Long, Long> before, Map<Long, Long> now,
                                            Map<Long, Catalog.Table> existing) {
        Set<String> out = new TreeSet<>();
        now.forEach((oid, count) -> {
            if (count > before.getOrDefault(oid, 0L) && existing.containsKey(oid)) {
                out.add(existing.get(oid).name());
            }
        });
        return out;
    }

    private ObservedVerdict sampled(String sql) throws SQLException {
        runner.setAutoCommit(true);
        Map<Long, Catalog.Table> before = Catalog.tables(watcher);
        holdSnapshotAndShareLocks(before);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> execute(sql));
        Set<Catalog.Lock> seen = new HashSet<>();
        Probe.Blocked blocked = Probe.Blocked.none();
        long release = System.currentTimeMillis() + HOLD_MILLIS;
        boolean holding = true;
        while (!running.isDone()) {
            seen.addAll(Catalog.wanted(watcher, runnerPid, before));
            if (holding && (!seen.isEmpty() || System.currentTimeMillis() > release)) {
                blocked = probe.tryEach(before.values());
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
            return ObservedVerdict.failed(StatementTrace.firstLine(e.getCause().getMessage()));
        }
        Set<String> rewritten = new TreeSet<>(Catalog.rewritten(before, Catalog.tables(watcher)));
        String strongest = Catalog.strongest(seen);
        return new ObservedVerdict(blocked.any() && !rewritten.isEmpty(), strongest, Catalog.holding(seen, strongest),
                rewritten, Set.of(), blocked.reads(), blocked.writes(), null);
    }

    private void holdSnapshotAndShareLocks(Map<Long, Catalog.Table> tables) throws SQLException {
        watcher.setAutoCommit(false);
        watcher.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = watcher.createStatement()) {
            st.execute("SELECT 1");
            for (Catalog.Table table : tables.values()) {
                st.execute("SELECT 1 FROM " + table.name() + " LIMIT 1");
            }
        }
    }

    private void execute(String sql) {
        try (Statement st = runner.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static void pause() {
        try {
            Sleeper.SYSTEM.pause(Duration.ofMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws SQLException {
        try (runner; watcher; probeSession) {
            // closing the three sessions is all
        }
    }
}
