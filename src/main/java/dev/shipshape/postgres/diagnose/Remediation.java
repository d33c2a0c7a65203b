package dev.shipshape.postgres.diagnose;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Cancels a backend's query or terminates the backend, and records who did it and why. */
public final class Remediation {

    /** pg_cancel_backend stops the running query; pg_terminate_backend closes the whole session. */
    public enum Kind {
        CANCEL("pg_cancel_backend"), TERMINATE("pg_terminate_backend");

        private final String function;

        Kind(String function) {
            this.function = function;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Remediation() {
    }

    /** @return what was done, e.g. {@code cancelled the query of backend 4242} */
    public static String apply(DatabaseWork work, Kind kind, int pid, String reason) {
        boolean done;
        try (Connection c = work.address().connect();
             PreparedStatement st = c.prepareStatement("SELECT " + kind.function + "(pid) FROM pg_stat_activity "
                     + "WHERE pid = ?")) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new ShipshapeException(Code.NOT_FOUND, "no backend with pid " + pid + " on "
                            + work.address() + "; see 'shipshape db diagnose'");
                }
                done = rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "could not " + kind.word() + " backend " + pid + ": "
                    + e.getMessage());
        }
        String outcome = done ? (kind == Kind.CANCEL ? "cancelled the query of backend " : "terminated backend ") + pid
                : "backend " + pid + " did not accept the signal";
        work.records().action(work.action(kind.word(), String.valueOf(pid), reason, outcome));
        return outcome;
    }
}
