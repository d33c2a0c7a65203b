package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.schedules.ScheduleLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The {@code schedule_runs} table (V11): per service and schedule, the due time last handled and its run. */
final class ScheduleTable implements ScheduleLedger {

    private final Database database;

    ScheduleTable(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Last> last(String service, String schedule) {
        return database.transaction("read a schedule's last run", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT last_due, run_id, note FROM schedule_runs"
                    + " WHERE service = ? AND schedule = ?")) {
                st.setString(1, service);
                st.setString(2, schedule);
                try (ResultSet row = st.executeQuery()) {
                    return row.next() ? Optional.of(new Last(Columns.instant(row, "last_due"), row.getString("run_id"),
                            row.getString("note"))) : Optional.<Last>empty();
                }
            }
        });
    }

    @Override
    public boolean firstSeen(String service, String schedule, Instant seen) {
        try {
            return database.transaction("record a new schedule", c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO schedule_runs (service, schedule, last_due)"
                        + " VALUES (?, ?, ?)")) {
                    st.setString(1, service);
                    st.setString(2, schedule);
                    Columns.setInstant(st, 3, seen);
                    return st.executeUpdate() == 1;
                }
            });
        } catch (ShipshapeException e) {
            if (Database.isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean claim(String service, String schedule, Instant expected, Instant due) {
        return database.transaction("claim a schedule's due time", c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE schedule_runs SET last_due = ?, run_id = NULL,"
                    + " note = NULL WHERE service = ? AND schedule = ? AND last_due = ?")) {
                Columns.setInstant(st, 1, due);
                st.setString(2, service);
                st.setString(3, schedule);
                Columns.setInstant(st, 4, expected);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void handled(String service, String schedule, String runId, String note) {
        database.transaction("record a schedule's run", c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE schedule_runs SET run_id = ?, note = ?"
                    + " WHERE service = ? AND schedule = ?")) {
                st.setString(1, runId);
                st.setString(2, note);
                st.setString(3, service);
                st.setString(4, schedule);
                st.executeUpdate();
            }
            return null;
        });
    }
}
