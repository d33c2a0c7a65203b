package dev.shipshape.store;

import dev.shipshape.engine.Change.StepChanged;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code steps} table: one row per planned step of a run, with its latest attempt. */
final class StepTable {

    private static final String COLUMNS = "run_id, step_id, stage, phase, position, name, kind, summary, idempotent, "
            + "state, attempts, exit_code, output_tail, output_size, duration_millis, message, started_at, finished_at, "
            + "json_body";
    private static final String INSERT = "INSERT INTO steps (" + COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** started_at is the start of the latest attempt, so that it matches duration_millis. */
    private static final String UPDATE = "UPDATE steps SET state = ?, attempts = ?, exit_code = ?, output_tail = ?, "
            + "output_size = ?, duration_millis = ?, message = ?, started_at = COALESCE(?, started_at), "
            + "finished_at = ?, json_body = ? WHERE run_id = ? AND step_id = ?";
    /** Only while that attempt runs: a late write never overwrites the attempt's final output. */
    private static final String OUTPUT = "UPDATE steps SET output_tail = ?, output_size = ? WHERE run_id = ? "
            + "AND step_id = ? AND attempts = ? AND state = 'RUNNING'";
    private static final String READ = "SELECT " + COLUMNS + " FROM steps WHERE run_id = ? ORDER BY position";

    private StepTable() {
    }

    static void insert(Connection connection, String runId, List<StepRecord> steps) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (StepRecord step : steps) {
                bind(statement, runId, step);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, String runId, StepRecord step) throws SQLException {
        statement.setString(1, runId);
        statement.setString(2, step.stepId());
        statement.setString(3, step.stage());
        statement.setString(4, step.phase().name());
        statement.setInt(5, step.position());
        statement.setString(6, step.name());
        statement.setString(7, step.kind());
        statement.setString(8, step.summary());
        statement.setBoolean(9, step.idempotent());
        statement.setString(10, step.state().name());
        statement.setInt(11, step.attempts());
        Columns.setInt(statement, 12, step.exitCode());
        statement.setString(13, step.outputTail());
        statement.setLong(14, step.outputSize());
        Columns.setLong(statement, 15, step.durationMillis());
        statement.setString(16, step.message());
        Columns.setInstant(statement, 17, step.startedAt());
        Columns.setInstant(statement, 18, step.finishedAt());
        statement.setString(19, step.json());
    }

    /** @return whether the run has that step */
    static boolean update(Connection connection, StepChanged change) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setString(1, change.state().name());
            statement.setInt(2, change.attempt());
            Columns.setInt(statement, 3, change.exitCode());
            statement.setString(4, change.outputTail());
            statement.setLong(5, change.outputSize());
            Columns.setLong(statement, 6, change.durationMillis());
            statement.setString(7, change.message());
            Columns.setInstant(statement, 8, change.state() == State.RUNNING ? change.at() : null);
            Columns.setInstant(statement, 9, change.state().finished() ? change.at() : null);
            statement.setString(10, change.json());
            statement.setString(11, change.runId());
            statement.setString(12, change.stepId());
            return statement.executeUpdate() == 1;
        }
    }

    /** @return whether the attempt was still running */
    static boolean output(Connection connection, String runId, String stepId, int attempt, String outputTail,
                          long outputSize) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OUTPUT)) {
            statement.setString(1, outputTail);
            statement.setLong(2, outputSize);
            statement.setString(3, runId);
            statement.setString(4, stepId);
            statement.setInt(5, attempt);
            return statement.executeUpdate() == 1;
        }
    }

    static List<StepRecord> read(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                List<StepRecord> steps = new ArrayList<>();
                while (row.next()) {
                    steps.add(step(row));
                }
                return steps;
            }
        }
    }

    private static StepRecord step(ResultSet row) throws SQLException {
        return new StepRecord(row.getString("run_id"), row.getString("step_id"), row.getString("stage"),
                Phase.valueOf(row.getString("phase")), row.getInt("position"), row.getString("name"),
                row.getString("kind"), row.getString("summary"), row.getBoolean("idempotent"),
                State.valueOf(row.getString("state")), row.getInt("attempts"), Columns.nullableInt(row, "exit_code"),
                row.getString("output_tail"), row.getLong("output_size"), Columns.nullableLong(row, "duration_millis"),
                row.getString("message"), Columns.instant(row, "started_at"), Columns.instant(row, "finished_at"),
                row.getString("json_body"));
    }
}
