package dev.shipshape.store;

import dev.shipshape.engine.EventRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only {@code events} table: one line per thing that happened in a run. */
final class EventLog {

    private static final String APPEND =
            "INSERT INTO events (run_id, at, kind, subject, message) VALUES (?, ?, ?, ?, ?)";
    /**
     * Checks and appends in one statement. Also used for lock events: a lock may be taken before
     * its run row exists, and then there is no run to note it on.
     */
    private static final String APPEND_IF_RUN_EXISTS = "INSERT INTO events (run_id, at, kind, subject, message) "
            + "SELECT run_id, ?, ?, ?, ? FROM runs WHERE run_id = ?";
    private static final String COLUMNS = "SELECT seq, run_id, at, kind, subject, message FROM events";
    private static final String READ = COLUMNS + " WHERE run_id = ? ORDER BY seq";
    /** On the primary key. */
    private static final String AFTER = COLUMNS + " WHERE seq > ? ORDER BY seq LIMIT ?";
    /** On the index {@code events_by_run (run_id, seq)}. */
    private static final String AFTER_IN_RUN = COLUMNS + " WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    private static final String LAST_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM events";

    private EventLog() {
    }

    static void append(Connection connection, String runId, Instant at, String kind, String subject, String message)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
            statement.setString(1, runId);
            statement.setLong(2, at.toEpochMilli());
            statement.setString(3, kind);
            statement.setString(4, subject);
            statement.setString(5, message);
            statement.executeUpdate();
        }
    }

    /** @return whether the run exists (and so the event was appended) */
    static boolean appendIfRunExists(Connection connection, String runId, Instant at, String kind, String message)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPEND_IF_RUN_EXISTS)) {
            statement.setLong(1, at.toEpochMilli());
            statement.setString(2, kind);
            statement.setString(3, null);
            statement.setString(4, message);
            statement.setString(5, runId);
            return statement.executeUpdate() == 1;
        }
    }

    static List<EventRecord> read(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, runId);
            return readAll(statement);
        }
    }

    /** @param runId one run's events, or null for every run's */
    static List<EventRecord> after(Connection connection, long seq, String runId, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(runId == null ? AFTER : AFTER_IN_RUN)) {
            int i = 1;
            if (runId != null) {
                statement.setString(i++, runId);
            }
            statement.setLong(i++, seq);
            statement.setInt(i, Math.max(0, limit));
            return readAll(statement);
        }
    }

    static long lastSeq(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LAST_SEQ);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<EventRecord> readAll(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            List<EventRecord> events = new ArrayList<>();
            while (row.next()) {
                events.add(new EventRecord(row.getLong("seq"), row.getString("run_id"),
                        Columns.instant(row, "at"), row.getString("kind"), row.getString("subject"),
                        row.getString("message")));
            }
            return events;
        }
    }
}
