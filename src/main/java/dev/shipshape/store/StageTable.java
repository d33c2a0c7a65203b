package dev.shipshape.store;

import dev.shipshape.engine.Change.StageChanged;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code stages} table: one row per stage of a run, in execution order. */
final class StageTable {

    private static final String INSERT =
            "INSERT INTO stages (run_id, stage, position, state) VALUES (?, ?, ?, 'PENDING')";
    /** started_at keeps the first start: a stage that runs again after resume started back then. */
    private static final String UPDATE = "UPDATE stages SET state = ?, reason = ?, "
            + "started_at = COALESCE(started_at, ?), finished_at = ? WHERE run_id = ? AND stage = ?";
    private static final String READ = "SELECT run_id, stage, position, state, reason, started_at, finished_at "
            + "FROM stages WHERE run_id = ? ORDER BY position";

    private StageTable() {
    }

    static void insert(Connection connection, String runId, List<String> stages) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < stages.size(); i++) {
                statement.setString(1, runId);
                statement.setString(2, stages.get(i));
                statement.setInt(3, i + 1);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** @return whether the run has that stage */
    static boolean update(Connection connection, StageChanged change) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setString(1, change.state().name());
            statement.setString(2, change.reason());
            Columns.setInstant(statement, 3, change.state() == State.RUNNING ? change.at() : null);
            Columns.setInstant(statement, 4, change.state().finished() ? change.at() : null);
            statement.setString(5, change.runId());
            statement.setString(6, change.stage());
            return statement.executeUpdate() == 1;
        }
    }

    static List<StageRecord> read(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                List<StageRecord> stages = new ArrayList<>();
                while (row.next()) {
                    stages.add(new StageRecord(row.getString("run_id"), row.getString("stage"),
                            row.getInt("position"), State.valueOf(row.getString("state")), row.getString("reason"),
                            Columns.instant(row, "started_at"), Columns.instant(row, "finished_at")));
                }
                return stages;
            }
        }
    }
}
