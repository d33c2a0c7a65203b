package dev.shipshape.store;

import dev.shipshape.sessions.Session;
import dev.shipshape.sessions.SessionLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The {@code web_sessions} table: each browser session under the SHA-256 of its cookie value, never the value. */
final class SessionTable implements SessionLedger {

    private final Database database;

    SessionTable(Database database) {
        this.database = database;
    }

    @Override
    public void add(String sha256, Session session) {
        database.transaction("keep a session of " + session.user(), c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO web_sessions (session_hash, user_name,"
                    + " created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, sha256);
                st.setString(2, session.user());
                Columns.setInstant(st, 3, session.createdAt());
                Columns.setInstant(st, 4, session.expiresAt());
                Columns.setInstant(st, 5, session.lastSeenAt());
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Session> withHash(String sha256) {
        return database.transaction("look up a session", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT user_name, created_at, expires_at, last_seen_at"
                    + " FROM web_sessions WHERE session_hash = ?")) {
                st.setString(1, sha256);
                try (ResultSet row = st.executeQuery()) {
                    return row.next() ? Optional.of(new Session(row.getString("user_name"),
                            Columns.instant(row, "created_at"), Columns.instant(row, "expires_at"),
                            Columns.instant(row, "last_seen_at"))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void seen(String sha256, Instant at) {
        update("note a session's request", "UPDATE web_sessions SET last_seen_at = ? WHERE session_hash = ?"
                + " AND last_seen_at < ?", at, sha256, at);
    }

    @Override
    public void remove(String sha256) {
        database.transaction("end a session", c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM web_sessions WHERE session_hash = ?")) {
                st.setString(1, sha256);
                st.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void removeEnded(Instant now, Instant idleBefore) {
        database.transaction("forget ended sessions", c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM web_sessions WHERE expires_at <= ?"
                    + " OR last_seen_at <= ?")) {
                Columns.setInstant(st, 1, now);
                Columns.setInstant(st, 2, idleBefore);
                st.executeUpdate();
            }
            return null;
        });
    }

    private void update(String what, String sql, Instant at, String hash, Instant before) {
        database.transaction(what, c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Columns.setInstant(st, 1, at);
                st.setString(2, hash);
                Columns.setInstant(st, 3, before);
                st.executeUpdate();
            }
            return null;
        });
    }
}
