package dev.shipshape.store;

import dev.shipshape.engine.Change.ProcessStarted;
import dev.shipshape.engine.StepProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code step_processes} table: the process group of each step's latest started command. */
final class ProcessTable {

    private static final String DELETE = "DELETE FROM step_processes WHERE run_id = ? AND step_id = ?";
    private static final String INSERT = "INSERT INTO step_processes (run_id, step_id, host, process_group, started_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String RUNNING = "SELECT p.run_id, p.step_id, p.host, p.process_group FROM step_processes p"
            + " JOIN steps s ON s.run_id = p.run_id AND s.step_id = p.step_id"
            + " JOIN runs r ON r.run_id = p.run_id"
            + " WHERE r.service = ? AND r.environment = ? AND r.finished_at IS NULL AND s.state = 'RUNNING'"
            + " ORDER BY p.started_at";

    private ProcessTable() {
    }

    /** @return whether the run has that step */
    static boolean record(Connection connection, ProcessStarted started) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, started.runId());
            delete.setString(2, started.stepId());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, started.runId());
            insert.setString(2, started.stepId());
            insert.setString(3, started.host());
            insert.setLong(4, started.group());
            insert.setLong(5, started.at().toEpochMilli());
            return insert.executeUpdate() == 1;
        }
    }

    static List<StepProcess> running(Connection connection, String service, String environment) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RUNNING)) {
            statement.setString(1, service);
            statement.setString(2, environment);
            try (ResultSet row = statement.executeQuery()) {
                List<StepProcess> processes = new ArrayList<>();
                while (row.next()) {
                    processes.add(new StepProcess(row.getString("run_id"), row.getString("step_id"),
                            row.getString("host"), row.getLong("process_group")));
                }
                return processes;
            }
        }
    }
}
