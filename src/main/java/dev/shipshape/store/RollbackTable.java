package dev.shipshape.store;

import dev.shipshape.rollback.RollbackLog;
import dev.shipshape.rollback.RollbackRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code rollbacks} table: one row per rollback, steps kept as one line each. */
final class RollbackTable implements RollbackLog {

    private final Database database;

    RollbackTable(Database database) {
        this.database = database;
    }

    @Override
    public void save(RollbackRecord r) {
        database.transaction("record the rollback " + r.runId(), c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO rollbacks (run_id, service, environment,"
                    + " rolled_back_by, at, reason, from_version, to_version, type, steps, outcome, duration)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, r.runId());
                st.setString(2, r.service());
                st.setString(3, r.environment());
                st.setString(4, r.by());
                Columns.setInstant(st, 5, r.at());
                st.setString(6, r.reason());
                st.setString(7, r.from());
                st.setString(8, r.to());
                st.setString(9, r.type());
                st.setString(10, String.join("\n", r.steps()));
                st.setString(11, r.outcome());
                st.setLong(12, r.durationMillis());
                st.executeUpdate();
            }
            LiveTable.rolledBack(c, r);
            return null;
        });
    }

    @Override
    public List<RollbackRecord> of(String service, String environment) {
        return database.transaction("read the rollbacks of " + service + " in " + environment, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM rollbacks WHERE service = ? AND"
                    + " environment = ? ORDER BY at DESC")) {
                st.setString(1, service);
                st.setString(2, environment);
                List<RollbackRecord> out = new ArrayList<>();
                try (ResultSet row = st.executeQuery()) {
                    while (row.next()) {
                        String steps = row.getString("steps");
                        out.add(new RollbackRecord(row.getString("run_id"), service, environment,
                                row.getString("rolled_back_by"), Columns.instant(row, "at"), row.getString("reason"),
                                row.getString("from_version"), row.getString("to_version"), row.getString("type"),
                                steps == null || steps.isEmpty() ? List.of() : Arrays.asList(steps.split("\n")),
                                row.getString("outcome"), row.getLong("duration")));
                    }
                }
                return out;
            }
        });
    }
}
