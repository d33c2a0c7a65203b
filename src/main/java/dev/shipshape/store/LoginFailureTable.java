package dev.shipshape.store;

import dev.shipshape.sessions.LoginFailures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code login_failures} table: one row per failed sign-in and subject, kept for the throttle's window. */
final class LoginFailureTable implements LoginFailures {

    private final Database database;

    LoginFailureTable(Database database) {
        this.database = database;
    }

    @Override
    public void add(List<String> subjects, Instant at, Instant forgetBefore) {
        database.transaction("count a failed sign-in", c -> {
            try (PreparedStatement forget = c.prepareStatement("DELETE FROM login_failures WHERE at < ?")) {
                Columns.setInstant(forget, 1, forgetBefore);
                forget.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO login_failures (subject, at) VALUES (?, ?)")) {
                for (String subject : subjects) {
                    st.setString(1, subject);
                    Columns.setInstant(st, 2, at);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Instant> latest(String subject, Instant since, int limit) {
        return database.transaction("count failed sign-ins", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT at FROM login_failures WHERE subject = ?"
                    + " AND at >= ? ORDER BY at DESC LIMIT " + Math.max(1, limit))) {
                st.setString(1, subject);
                Columns.setInstant(st, 2, since);
                try (ResultSet row = st.executeQuery()) {
                    List<Instant> out = new ArrayList<>();
                    while (row.next()) {
                        out.add(Columns.instant(row, "at"));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public void clear(String subject) {
        database.transaction("forget failed sign-ins", c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM login_failures WHERE subject = ?")) {
                st.setString(1, subject);
                st.executeUpdate();
            }
            return null;
        });
    }
}
