package dev.shipshape.store;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.analysis.ProbeReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Verification evidence over {@link Database}: analysis samples, step results and probe reports. */
final class VerificationTables implements VerificationLog {

    private final Database database;

    VerificationTables(Database database) {
        this.database = database;
    }

    @Override
    public void sample(StoredSample s) {
        database.transaction("store a sample of " + s.metric(), c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO analysis_samples (run_id, step_id, metric,"
                    + " taken_at, val, error, warning, critical) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, s.runId());
                st.setString(2, s.stepId());
                st.setString(3, s.metric());
                Columns.setInstant(st, 4, s.at());
                st.setObject(5, s.value(), java.sql.Types.DOUBLE);
                st.setString(6, s.error());
                st.setObject(7, s.warning(), java.sql.Types.DOUBLE);
                st.setObject(8, s.critical(), java.sql.Types.DOUBLE);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void result(StoredResult r) {
        database.transaction("store the result of " + r.stepId(), c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO verification_results (run_id, step_id, kind,"
                    + " outcome, reason, passed, total, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, r.runId());
                st.setString(2, r.stepId());
                st.setString(3, r.kind());
                st.setString(4, r.outcome());
                st.setString(5, r.reason());
                st.setInt(6, r.passed());
                st.setInt(7, r.total());
                Columns.setInstant(st, 8, r.at());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<StoredSample> samples(String runId) {
        return database.transaction("read the samples of run " + runId, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM analysis_samples WHERE run_id = ? ORDER BY id")) {
                st.setString(1, runId);
                List<StoredSample> out = new ArrayList<>();
                try (ResultSet row = st.executeQuery()) {
                    while (row.next()) {
                        out.add(new StoredSample(runId, row.getString("step_id"), row.getString("metric"),
                                Columns.instant(row, "taken_at"), (Double) row.getObject("val", Double.class),
                                row.getString("error"), row.getObject("warning", Double.class),
                                row.getObject("critical", Double.class)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<StoredResult> results(String runId) {
        return database.transaction("read the verification results of run " + runId, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM verification_results WHERE run_id = ? ORDER BY id")) {
                st.setString(1, runId);
                List<StoredResult> out = new ArrayList<>();
                try (ResultSet row = st.executeQuery()) {
                    while (row.next()) {
                        out.add(new StoredResult(runId, row.getString("step_id"), row.getString("kind"),
                                row.getString("outcome"), row.getString("reason"), row.getInt("passed"),
                                row.getInt("total"), Columns.instant(row, "decided_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void probe(ProbeReport p) {
        database.transaction("store the probe report of " + p.stage(), c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO probe_reports (run_id, stage, url, requests,"
                    + " failures, longest_outage, downtime, passed, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, p.runId());
                st.setString(2, p.stage());
                st.setString(3, p.url());
                st.setInt(4, p.requests());
                st.setInt(5, p.failures());
                st.setLong(6, p.longestOutageMillis());
                st.setLong(7, p.downtimeMillis());
                st.setBoolean(8, p.passed());
                st.setString(9, p.reason());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<ProbeReport> probes(String runId) {
        return database.transaction("read the probe reports of run " + runId, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM probe_reports WHERE run_id = ?")) {
                st.setString(1, runId);
                List<ProbeReport> out = new ArrayList<>();
                try (ResultSet row = st.executeQuery()) {
                    while (row.next()) {
                        out.add(new ProbeReport(runId, row.getString("stage"), row.getString("url"), row.getInt("requests"),
                                row.getInt("failures"), row.getLong("longest_outage"), row.getLong("downtime"),
                                row.getBoolean("passed"), row.getString("reason")));
                    }
                }
                return out;
            }
        });
    }
}
