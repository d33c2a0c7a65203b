package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.audit.AuditEntry;
import dev.shipshape.audit.AuditRecord;
import dev.shipshape.audit.ChainCheck;
import dev.shipshape.audit.ChainCheck.Broken;
import dev.shipshape.audit.ChainCheck.Intact;
import dev.shipshape.audit.EntryHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log on a real store: appends chain, and an entry edited, inserted or deleted with plain SQL is
 * found by the check, which names the first bad entry. Each backend runs it.
 */
abstract class AuditChainContract {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A JDBC URL of a new, empty database, which both the store and the tampering tests connect to. */
    protected abstract String newDatabase();

    String url;
    Store store;

    @BeforeEach
    void open() {
        url = newDatabase();
        store = Store.open(url, java.nio.file.Path.of("/nonexistent"), Map.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static AuditRecord record(int n) {
        return new AuditRecord(T0.plusSeconds(n), "alice", true, "deploy", "service=shop env=prod version=v" + n,
                AuditRecord.LOCAL, "succeeded (exit 0)");
    }

    private List<AuditEntry> appendThree() {
        return List.of(store.audit().append(record(1)), store.audit().append(record(2)),
                store.audit().append(record(3)));
    }

    private ChainCheck.Verdict check() {
        return ChainCheck.of(store.audit().chain());
    }

    @Test
    void appendedEntriesFollowOneAnotherAndTheChainIsIntact() {
        List<AuditEntry> entries = appendThree();

        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).previousHash()).isEqualTo(EntryHash.GENESIS);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(check()).isEqualTo(new Intact(3, entries.get(2).hash()));
        assertThat(store.audit().since(T0.plusSeconds(2))).extracting(AuditEntry::seq).containsExactly(2L, 3L);
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(check()).isEqualTo(new Intact(0, EntryHash.GENESIS));
    }

    @Test
    void anEntryEditedWithSqlIsNamed() throws SQLException {
        appendThree();

        sql("UPDATE audit_log SET outcome = 'failed (exit 1)' WHERE seq = 2");

        assertThat(check()).isInstanceOfSatisfying(Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.reason()).isEqualTo("entry 2 does not match its hash: it was changed, or written,"
                    + " outside Shipshape");
        });
    }

    @Test
    void anEntryInsertedAtTheEndWithAGoodHashIsNamed() throws SQLException {
        List<AuditEntry> entries = appendThree();

        insert(4, record(9), entries.get(2).hash());

        assertThat(check()).isInstanceOfSatisfying(Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).isEqualTo("entry 4 was added outside Shipshape: the log's head is entry 3");
        });
    }

    @Test
    void anEntryInsertedInTheMiddleBreaksTheEntryAfterIt() throws SQLException {
        List<AuditEntry> entries = appendThree();

        sql("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 2");
        sql("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000");
        insert(2, record(9), entries.get(0).hash());

        assertThat(check()).isInstanceOfSatisfying(Broken.class, b -> assertThat(b.seq()).isEqualTo(3));
    }

    @Test
    void anEntryDeletedInTheMiddleOrAtTheEndIsNamed() throws SQLException {
        appendThree();
        store.audit().append(record(4));

        sql("DELETE FROM audit_log WHERE seq = 4");
        ChainCheck.Verdict lastGone = check();
        sql("DELETE FROM audit_log WHERE seq = 2");
        ChainCheck.Verdict middleGone = check();

        assertThat(lastGone).isEqualTo(new Broken(4, "entry 4 is missing: the log's head is entry 4 but its last"
                + " entry is 3 (deleted?)"));
        assertThat(middleGone).isEqualTo(new Broken(2, "entry 2 is missing: entry 1 is followed by entry 3"
                + " (deleted?)"));
    }

    @Test
    void concurrentAppendersFromSeparateStoresKeepTheChainWhole() throws Exception {
        int appenders = 4;
        int each = 25;
        List<Store> stores = new ArrayList<>();
        IntStream.range(0, appenders).forEach(i -> stores.add(Store.open(url, java.nio.file.Path.of("/nonexistent"),
                Map.of())));
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < appenders; i++) {
                Store own = stores.get(i);
                String who = "appender-" + i;
                runs.add(CompletableFuture.runAsync(() -> IntStream.range(0, each).forEach(n -> own.audit().append(
                        new AuditRecord(T0, who, true, "token create", "n=" + n, AuditRecord.LOCAL, "exit 0"))), pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
            stores.forEach(Store::close);
        }

        assertThat(check()).isInstanceOfSatisfying(Intact.class, i -> assertThat(i.entries()).isEqualTo(100));
        assertThat(store.audit().since(null)).filteredOn(e -> e.record().who().equals("appender-3")).hasSize(each);
    }

    private void insert(long seq, AuditRecord r, String previous) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement("INSERT INTO"
                + " audit_log (seq, at, actor, actor_local, action, target, address, outcome, previous_hash, entry_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, seq);
            st.setLong(2, r.at().toEpochMilli());
            st.setString(3, r.who());
            st.setBoolean(4, r.local());
            st.setString(5, r.action());
            st.setString(6, r.target());
            st.setString(7, r.address());
            st.setString(8, r.outcome());
            st.setString(9, previous);
            st.setString(10, EntryHash.of(seq, r, previous));
            st.executeUpdate();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
