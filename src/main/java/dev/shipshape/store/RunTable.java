package dev.shipshape.store;

import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.RunPosition;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunSelection;
import dev.shipshape.engine.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code runs} table: one row per run, including its pending cancel request. */
final class RunTable {

    private static final String COLUMNS = "run_id, service, environment, version, previous_version, procedure, "
            + "started_by, runbook_path, runbook_text, status, reason, created_at, finished_at, procedure_name";
    private static final String INSERT = "INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "NULL, ?, NULL, ?)";
    private static final String READ = "SELECT " + COLUMNS + " FROM runs WHERE run_id = ?";
    private static final String EXISTS = "SELECT 1 FROM runs WHERE run_id = ?";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, run_id DESC LIMIT ?";
    /** A final status or a halt ends any cancel request: there is nothing running left to stop. */
    private static final String SET_STATUS = "UPDATE runs SET status = ?, reason = ?, finished_at = ?, "
            + "cancel_by = CASE WHEN ? THEN NULL ELSE cancel_by END, "
            + "cancel_reason = CASE WHEN ? THEN NULL ELSE cancel_reason END, "
            + "cancel_at = CASE WHEN ? THEN NULL ELSE cancel_at END WHERE run_id = ?";
    private static final String LAST_SUCCEEDED = "SELECT version FROM runs WHERE service = ? AND environment = ? "
            + "AND status = 'SUCCEEDED' AND procedure = 'deploy' ORDER BY finished_at DESC LIMIT 1";

    private RunTable() {
    }

    static void insert(Connection connection, NewRun run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, run.runId());
            statement.setString(2, run.service());
            statement.setString(3, run.environment());
            statement.setString(4, run.version());
            statement.setString(5, run.previousVersion());
            statement.setString(6, run.procedure());
            statement.setString(7, run.startedBy());
            statement.setString(8, run.runbookPath());
            statement.setString(9, run.runbookText());
            statement.setString(10, RunStatus.RUNNING.name());
            Columns.setInstant(statement, 11, run.createdAt());
            statement.setString(12, run.procedureName());
            statement.executeUpdate();
        }
    }

    /** @return whether the run exists */
    static boolean setStatus(Connection connection, String runId, RunStatus status, String reason,
                             Instant at) throws SQLException {
        boolean ended = status.isFinal() || status == RunStatus.HALTED;
        try (PreparedStatement statement = connection.prepareStatement(SET_STATUS)) {
            statement.setString(1, status.name());
            statement.setString(2, reason);
            Columns.setInstant(statement, 3, status.isFinal() ? at : null);
            statement.setBoolean(4, ended);
            statement.setBoolean(5, ended);
            statement.setBoolean(6, ended);
            statement.setString(7, runId);
            return statement.executeUpdate() == 1;
        }
    }

    static Optional<RunRecord> read(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, runId);
            List<RunRecord> found = readAll(statement);
            return found.stream().findFirst();
        }
    }

    static boolean exists(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXISTS)) {
            statement.setString(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Filters are added only when given, so each variant can use the index on (service, environment). */
    static List<RunRecord> newestFirst(Connection connection, String service, String environment, int limit)
            throws SQLException {
        List<String> filters = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (service != null) {
            filters.add("service = ?");
            values.add(service);
        }
        if (environment != null) {
            filters.add("environment = ?");
            values.add(environment);
        }
        String where = filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs" + where
                + NEWEST_FIRST)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            statement.setInt(values.size() + 1, Math.max(0, limit));
            return readAll(statement);
        }
    }

    static Optional<String> lastSucceededVersion(Connection connection, String service, String environment)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LAST_SUCCEEDED)) {
            statement.setString(1, service);
            statement.setString(2, environment);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<RunRecord> readAll(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            List<RunRecord> runs = new ArrayList<>();
            while (row.next()) {
                runs.add(new RunRecord(row.getString("run_id"), row.getString("service"),
                        row.getString("environment"), row.getString("version"), row.getString("previous_version"),
                        row.getString("procedure"), row.getString("started_by"), row.getString("runbook_path"),
                        row.getString("runbook_text"), RunStatus.valueOf(row.getString("status")),
                        row.getString("reason"), Columns.instant(row, "created_at"),
                        Columns.instant(row, "finished_at"), row.getString("procedure_name")));
            }
            return runs;
        }
    }

    /** The runs a listing asks for, newest first; {@code after} is the keyset (created_at, run_id) to go on after. */
    static List<RunRecord> matching(Connection connection, RunSelection selection, RunPosition after, int limit)
            throws SQLException {
        Filters where = new Filters();
        where.text("service = ?", selection.service());
        where.text("environment = ?", selection.environment());
        where.text("status = ?", selection.status() == null ? null : selection.status().name());
        if (selection.procedure() != null) {
            where.add("(procedure = ? OR procedure_name = ?)", selection.procedure(), selection.procedure());
        }
        where.instant("created_at >= ?", selection.since());
        where.instant("created_at < ?", selection.until());
        if (after != null) {
            long at = after.startedAt().toEpochMilli();
            where.add("(created_at < ? OR (created_at = ? AND run_id < ?))", at, at, after.runId());
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs"
                + where.sql() + NEWEST_FIRST)) {
            int index = where.bind(statement);
            statement.setInt(index, Math.max(0, limit));
            return readAll(statement);
        }
    }

    /** A WHERE clause made of the filters given, with their values in order. */
    private static final class Filters {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void text(String condition, String value) {
            if (value != null) {
                add(condition, value);
            }
        }

        void instant(String condition, Instant value) {
            if (value != null) {
                add(condition, value.toEpochMilli());
            }
        }

        void add(String condition, Object... given) {
            conditions.add(condition);
            values.addAll(List.of(given));
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        /** @return the index of the next parameter */
        int bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) values.get(i));
                }
            }
            return values.size() + 1;
        }
    }
}
