package dev.shipshape.postgres.backup;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.ServerFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How a restore replaces a database without ever leaving less than there was: the backup goes
 * into a new database {@code DB_restoring_ID}; only once that succeeded are the target's other
 * sessions ended, the target renamed to {@code DB_replaced_ID}, the new one renamed to the
 * target's name, and the replaced one dropped. A failed second rename puts the old one back.
 * Renaming needs the role to own the database and have CREATEDB, and nobody connected to it.
 */
final class DatabaseSwap {

    /** How the swap ended: the name of the replaced database when it could not be dropped, else null. */
    record Swapped(String keptDatabase, String whyKept) {
    }

    private static final int MAX_NAME = 63;
    private static final String IN_USE = "55006";
    /** PostgreSQL waits 5 s for other sessions to go before refusing a rename; one retry covers a reconnect. */
    private static final int RENAME_ATTEMPTS = 2;
    private final DatabaseAddress target;
    private final DatabaseAddress maintenance;
    private final String restoring;
    private final String replaced;

    private DatabaseSwap(DatabaseAddress target, String id) {
        this.target = target;
        this.maintenance = target.withDatabase("postgres");
        this.restoring = name(target.database(), "_restoring_" + id);
        this.replaced = name(target.database(), "_replaced_" + id);
    }

    /** Creates the new, empty database (owned by the restoring role) next to the target. */
    static DatabaseSwap prepare(DatabaseAddress target, String id) {
        DatabaseSwap swap = new DatabaseSwap(target, id);
        Restore.execute(swap.maintenance, "CREATE DATABASE " + Restore.quoted(swap.restoring));
        return swap;
    }

    private static String name(String database, String suffix) {
        return database.substring(0, Math.min(database.length(), MAX_NAME - suffix.length())) + suffix;
    }

    DatabaseAddress restoring() {
        return target.withDatabase(restoring);
    }

    /** Drops the new database after a failed restore; the failure says whether that worked. */
    ShipshapeException discarded(ShipshapeException failure) {
        try {
            Restore.execute(maintenance, "DROP DATABASE IF EXISTS " + Restore.quoted(restoring) + " WITH (FORCE)");
            return failure;
        } catch (ShipshapeException e) {
            return new ShipshapeException(failure.code(), failure.getMessage() + " (the unfinished copy " + restoring
                    + " could not be dropped: " + e.getMessage() + ")");
        }
    }

    /** Puts the restored database in the target's place. */
    Swapped swapIn() {
        try {
            renameAway(target.database(), replaced);
        } catch (ShipshapeException e) {
            throw discarded(new ShipshapeException(Code.FAILED, "the restored copy could not take the place of "
                    + target + ": " + e.getMessage() + "; " + target.database() + " was left as it was"));
        }
        try {
            rename(restoring, target.database());
        } catch (ShipshapeException e) {
            throw putBack(e);
        }
        try {
            Restore.execute(maintenance, "DROP DATABASE " + Restore.quoted(replaced) + " WITH (FORCE)");
            return new Swapped(null, null);
        } catch (ShipshapeException e) {
            return new Swapped(replaced, e.getMessage());
        }
    }

    private ShipshapeException putBack(ShipshapeException failure) {
        String why = "renaming the restored copy " + restoring + " to " + target.database() + " failed: "
                + failure.getMessage();
        try {
            rename(replaced, target.database());
        } catch (ShipshapeException e) {
            return new ShipshapeException(Code.FAILED, why + "; putting the old database back failed too ("
                    + e.getMessage() + "): it is now named " + replaced + ", the restored copy " + restoring
                    + "; rename one of them to " + target.database() + " with ALTER DATABASE ... RENAME TO");
        }
        return discarded(new ShipshapeException(Code.FAILED, why + "; " + target.database() + " was put back as "
                + "it was"));
    }

    /** Ends the other sessions on {@code from} and renames it; tries again when someone reconnected. */
    private void renameAway(String from, String to) {
        for (int attempt = 1; ; attempt++) {
            List<String> left = endSessions(from);
            try {
                renameOnce(from, to);
                return;
            } catch (SQLException e) {
                if (!IN_USE.equals(e.getSQLState()) || attempt == RENAME_ATTEMPTS) {
                    throw renameFailed(from, to, e, left);
                }
            }
        }
    }

    private void rename(String from, String to) {
        try {
            renameOnce(from, to);
        } catch (SQLException e) {
            throw renameFailed(from, to, e, List.of());
        }
    }

    private void renameOnce(String from, String to) throws SQLException {
        try (Connection c = maintenance.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + Restore.quoted(from) + " RENAME TO " + Restore.quoted(to));
        }
    }

    private ShipshapeException renameFailed(String from, String to, SQLException e, List<String> left) {
        return new ShipshapeException(Code.FAILED, "could not rename " + from + " to " + to + ": "
                + maintenance.redact(e.getMessage()) + (left.isEmpty() ? "" : " (sessions of " + String.join(", ",
                left) + " could not be ended)") + "; the role needs to own the database and have CREATEDB, "
                + "and nobody else may be connected to it");
    }

    /** Terminates the other sessions on a database; returns the roles whose sessions could not be ended. */
    private List<String> endSessions(String database) {
        List<String> refused = new ArrayList<>();
        try (Connection c = maintenance.connect()) {
            String terminate = ServerFacts.of(c).major() >= 14 ? "SELECT pg_terminate_backend(?, 5000)"
                    : "SELECT pg_terminate_backend(?)";
            for (Session s : sessions(c, database)) {
                try (PreparedStatement st = c.prepareStatement(terminate)) {
                    st.setInt(1, s.pid());
                    st.execute();
                } catch (SQLException e) {
                    refused.add(s.role());
                }
            }
        } catch (SQLException e) {
            refused.add("(unknown: " + maintenance.redact(e.getMessage()) + ")");
        }
        return refused.stream().distinct().toList();
    }

    private record Session(int pid, String role) {
    }

    private static List<Session> sessions(Connection c, String database) throws SQLException {
        List<Session> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT pid, usename FROM pg_stat_activity "
                + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Session(rs.getInt(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
