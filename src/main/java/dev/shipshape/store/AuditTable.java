package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.audit.AuditEntry;
import dev.shipshape.audit.AuditLog;
import dev.shipshape.audit.AuditRecord;
import dev.shipshape.audit.ChainHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audit_log} table and its one-row {@code audit_head}. An append locks the head row
 * ({@code SELECT ... FOR UPDATE}), writes the entry after it and moves the head, all in one transaction:
 * two processes appending at once take turns, and each entry names the hash of the one before.
 */
final class AuditTable implements AuditLog {

    /** How often an append is tried when another appender got in the way (lock timeout, duplicate seq). */
    private static final int ATTEMPTS = 20;
    private static final String ENTRIES = "SELECT seq, at, actor, actor_local, action, target, address, outcome,"
            + " previous_hash, entry_hash FROM audit_log";

    private final Database database;

    AuditTable(Database database) {
        this.database = database;
    }

    @Override
    public AuditEntry append(AuditRecord record) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.transaction("append to the audit log", c -> append(c, record));
            } catch (ShipshapeException e) {
                if (attempt == ATTEMPTS || !Database.isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static AuditEntry append(Connection c, AuditRecord record) throws SQLException {
        ChainHead head;
        try (PreparedStatement st = c.prepareStatement("SELECT seq, entry_hash FROM audit_head WHERE head_id = 1"
                + " FOR UPDATE"); ResultSet row = st.executeQuery()) {
            row.next();
            head = new ChainHead(row.getLong(1), row.getString(2));
        }
        AuditEntry entry = AuditEntry.after(head, record);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, actor_local, action,"
                + " target, address, outcome, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, entry.seq());
            Columns.setInstant(st, 2, record.at());
            st.setString(3, record.who());
            st.setBoolean(4, record.local());
            st.setString(5, record.action());
            st.setString(6, record.target());
            st.setString(7, record.address());
            st.setString(8, record.outcome());
            st.setString(9, entry.previousHash());
            st.setString(10, entry.hash());
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE audit_head SET seq = ?, entry_hash = ?"
                + " WHERE head_id = 1")) {
            st.setLong(1, entry.seq());
            st.setString(2, entry.hash());
            st.executeUpdate();
        }
        return entry;
    }

    @Override
    public List<AuditEntry> since(Instant since) {
        return database.transaction("read the audit log", c -> {
            try (PreparedStatement st = c.prepareStatement(ENTRIES + " WHERE at >= ? ORDER BY seq")) {
                st.setLong(1, since == null ? Long.MIN_VALUE : since.toEpochMilli());
                return entries(st);
            }
        });
    }

    @Override
    public Chain chain() {
        return database.transaction("read the audit log", c -> {
            List<AuditEntry> entries;
            try (PreparedStatement st = c.prepareStatement(ENTRIES + " ORDER BY seq")) {
                entries = entries(st);
            }
            try (PreparedStatement st = c.prepareStatement("SELECT seq, entry_hash FROM audit_head WHERE head_id = 1");
                 ResultSet row = st.executeQuery()) {
                return new Chain(entries, row.next() ? new ChainHead(row.getLong(1), row.getString(2)) : ChainHead.EMPTY);
            }
        });
    }

    private static List<AuditEntry> entries(PreparedStatement st) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet row = st.executeQuery()) {
            while (row.next()) {
                AuditRecord record = new AuditRecord(Columns.instant(row, "at"), row.getString("actor"),
                        row.getBoolean("actor_local"), row.getString("action"), row.getString("target"),
                        row.getString("address"), row.getString("outcome"));
                out.add(new AuditEntry(row.getLong("seq"), record, row.getString("previous_hash"),
                        row.getString("entry_hash")));
            }
        }
        return out;
    }
}
