package dev.shipshape.store;

import dev.shipshape.gates.GateDecision;
import dev.shipshape.gates.GateLedger;
import dev.shipshape.gates.SignOff;
import dev.shipshape.approvals.ApprovalDecision;
import dev.shipshape.approvals.ApprovalRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gate decisions, approval requests and decisions, and checklist sign-offs, over {@link Database}. */
final class JdbcGateLedger implements GateLedger {

    private static final String DECISION = "INSERT INTO gate_decisions (run_id, service, environment, version, gate,"
            + " verdict, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DECISIONS = "SELECT run_id, service, environment, version, gate, verdict, reason,"
            + " decided_by, decided_at FROM gate_decisions WHERE run_id = ? ORDER BY seq";
    private static final String RECENT = "SELECT run_id, service, environment, version, gate, verdict, reason,"
            + " decided_by, decided_at FROM gate_decisions WHERE service = ? AND environment = ? ORDER BY seq DESC"
            + " LIMIT ?";
    private static final String REQUEST = "SELECT run_id, step_id, opened_at, expires_at FROM approval_requests"
            + " WHERE run_id = ? AND step_id = ?";
    private static final String OPEN = "INSERT INTO approval_requests (run_id, step_id, opened_at, expires_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String DECIDE = "INSERT INTO approval_decisions (run_id, step_id, person, approved, comment,"
            + " decided_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String APPROVALS = "SELECT run_id, step_id, person, approved, comment, decided_at FROM"
            + " approval_decisions WHERE run_id = ? AND step_id = ? ORDER BY seq";
    private static final String UNSIGN = "DELETE FROM checklist_signoffs WHERE service = ? AND environment = ? AND"
            + " version = ? AND item = ? AND person = ?";
    private static final String SIGN = "INSERT INTO checklist_signoffs (service, environment, version, item, person,"
            + " comment, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SIGNOFFS = "SELECT service, environment, version, item, person, comment, signed_at"
            + " FROM checklist_signoffs WHERE service = ? AND environment = ? AND version = ? ORDER BY signed_at";

    private final Database database;

    JdbcGateLedger(Database database) {
        this.database = database;
    }

    @Override
    public void record(List<GateDecision> decisions) {
        database.transaction("record gate decisions", c -> {
            for (GateDecision d : decisions) {
                update(c, DECISION, d.runId(), d.service(), d.environment(), d.version(), d.gate(), d.verdict(),
                        d.reason(), d.decidedBy(), d.at().toEpochMilli());
                if (d.runId() != null) {
                    EventLog.append(c, d.runId(), d.at(), "gate." + d.verdict(), d.gate(), d.reason() + " (by "
                            + d.decidedBy() + ")");
                }
            }
            return null;
        });
    }

    @Override
    public List<GateDecision> decisions(String runId) {
        return database.transaction("read gate decisions", c -> query(c, DECISIONS, JdbcGateLedger::decision, runId));
    }

    @Override
    public List<GateDecision> recent(String service, String environment, int limit) {
        return database.transaction("read gate decisions", c -> query(c, RECENT, JdbcGateLedger::decision, service,
                environment, limit));
    }

    private static GateDecision decision(ResultSet row) throws SQLException {
        return new GateDecision(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                Instant.ofEpochMilli(row.getLong(9)));
    }

    @Override
    public ApprovalRequest open(String runId, String stepId, Instant now, Instant expiresAt) {
        return database.transaction("open an approval request", c -> {
            Optional<ApprovalRequest> existing = request(c, runId, stepId);
            if (existing.isPresent()) {
                return existing.get();
            }
            update(c, OPEN, runId, stepId, now.toEpochMilli(), expiresAt == null ? null : expiresAt.toEpochMilli());
            EventLog.append(c, runId, now, "approval.requested", stepId, "waiting for approval");
            return new ApprovalRequest(runId, stepId, now, expiresAt);
        });
    }

    @Override
    public Optional<ApprovalRequest> request(String runId, String stepId) {
        return database.transaction("read an approval request", c -> request(c, runId, stepId));
    }

    @Override
    public List<ApprovalDecision> decisions(String runId, String stepId) {
        return database.transaction("read approvals", c -> query(c, APPROVALS, row -> new ApprovalDecision(
                row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4), row.getString(5),
                Instant.ofEpochMilli(row.getLong(6))), runId, stepId));
    }

    @Override
    public void decide(ApprovalDecision d) {
        database.transaction("record an approval", c -> {
            update(c, DECIDE, d.runId(), d.stepId(), d.person(), d.approved(), d.comment(), d.at().toEpochMilli());
            EventLog.append(c, d.runId(), d.at(), d.approved() ? "approval.approved" : "approval.rejected",
                    d.stepId(), (d.approved() ? "approved by " : "rejected by ") + d.person()
                            + (d.comment() == null ? "" : ": " + d.comment()));
            return null;
        });
    }

    @Override
    public void signOff(SignOff s) {
        database.transaction("record a sign-off", c -> {
            update(c, UNSIGN, s.service(), s.environment(), s.version(), s.item(), s.person());
            update(c, SIGN, s.service(), s.environment(), s.version(), s.item(), s.person(), s.comment(),
                    s.at().toEpochMilli());
            return null;
        });
    }

    @Override
    public List<SignOff> signOffs(String service, String environment, String version) {
        return database.transaction("read sign-offs", c -> query(c, SIGNOFFS, row -> new SignOff(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                Instant.ofEpochMilli(row.getLong(7))), service, environment, version));
    }

    private static Optional<ApprovalRequest> request(Connection c, String runId, String stepId) throws SQLException {
        return query(c, REQUEST, row -> new ApprovalRequest(row.getString(1), row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)), row.getObject(4) == null ? null
                : Instant.ofEpochMilli(row.getLong(4))), runId, stepId).stream().findFirst();
    }

    /** Reads one row into a value. */
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, Row<T> reader, Object... args) throws SQLException {
        try (PreparedStatement statement = bind(c, sql, args); ResultSet row = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (row.next()) {
                found.add(reader.read(row));
            }
            return found;
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = bind(c, sql, args)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
