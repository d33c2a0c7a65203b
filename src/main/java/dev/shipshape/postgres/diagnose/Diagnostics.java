package dev.shipshape.postgres.diagnose;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link Diagnosis} from pg_stat_activity, pg_locks (via pg_blocking_pids) and pg_stat_statements. */
public final class Diagnostics {

    private static final String SESSIONS = "SELECT pid, usename, application_name, state, "
            + "extract(epoch FROM now() - coalesce(CASE WHEN state = 'active' THEN query_start ELSE state_change END,"
            + " backend_start))::bigint, left(query, 300) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

    private Diagnostics() {
    }

    public static Diagnosis of(DatabaseAddress address, Duration longRunning) {
        try (Connection c = address.connect(); Statement st = c.createStatement()) {
            List<Diagnosis.Session> sessions = sessions(st);
            List<Diagnosis.Session> active = sessions.stream().filter(s -> "active".equals(s.state())).toList();
            return new Diagnosis(count(st, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"),
                    count(st, "SELECT current_setting('max_connections')::int"), active,
                    active.stream().filter(s -> s.seconds() >= longRunning.toSeconds()).toList(),
                    sessions.stream().filter(s -> s.state() != null && s.state().startsWith("idle in transaction"))
                            .toList(), blocks(st), slow(st));
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "cannot diagnose " + address + ": " + e.getMessage());
        }
    }

    private static List<Diagnosis.Session> sessions(Statement st) throws SQLException {
        List<Diagnosis.Session> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(SESSIONS + " ORDER BY 5 DESC")) {
            while (rs.next()) {
                out.add(new Diagnosis.Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)));
            }
        }
        return out;
    }

    /** Who blocks whom: each waiting backend with each backend it waits for. */
    private static List<Diagnosis.Block> blocks(Statement st) throws SQLException {
        List<Diagnosis.Block> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT w.pid, left(w.query, 300), extract(epoch FROM now() - "
                + "coalesce(w.query_start, w.state_change))::bigint, b.pid, left(b.query, 300), b.state "
                + "FROM pg_stat_activity w JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid) ON true "
                + "JOIN pg_stat_activity b ON b.pid = bp.pid WHERE w.datname = current_database() ORDER BY 3 DESC")) {
            while (rs.next()) {
                out.add(new Diagnosis.Block(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    private static List<Diagnosis.SlowStatement> slow(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('pg_stat_statements') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        List<Diagnosis.SlowStatement> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT left(query, 300), calls, mean_exec_time, total_exec_time "
                + "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10")) {
            while (rs.next()) {
                out.add(new Diagnosis.SlowStatement(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
            }
        } catch (SQLException notLoaded) {
            return null; // the view exists but the library is not preloaded: nothing to report
        }
        return out;
    }

    private static int count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
