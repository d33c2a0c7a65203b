package dev.shipshape.postgres;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a connection to PostgreSQL could not be made, in words and with what to do
 * ({@code cannot connect to 127.0.0.1:5432 (connection refused): is PostgreSQL running?}), for the
 * store, the {@code db} commands and Flyway, whose own messages quote SQL states and Java exceptions.
 */
public final class ConnectFailure {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?");

    private ConnectFailure() {
    }

    /** The reason when {@code failure} is a failure to connect to the server at {@code jdbcUrl}; else empty. */
    public static Optional<String> describe(Throwable failure, String jdbcUrl) {
        String at = hostAndPort(jdbcUrl);
        if (find(failure, UnknownHostException.class) != null) {
            return Optional.of("cannot connect to " + at + " (unknown host): check the host name in the URL");
        }
        if (find(failure, ConnectException.class) != null) {
            return Optional.of("cannot connect to " + at + " (connection refused): is PostgreSQL running there"
                    + " and accepting TCP connections?");
        }
        if (find(failure, SocketTimeoutException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return Optional.of("cannot connect to " + at + " (no answer in time): check the host, the port and"
                    + " any firewall in between");
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            case "28P01", "28000" -> Optional.of("PostgreSQL at " + at + " refused the login ("
                    + DatabaseAddress.firstLine(sql.getMessage()) + "): check the user and the password");
            case "3D000" -> Optional.of("PostgreSQL at " + at + " has no such database ("
                    + DatabaseAddress.firstLine(sql.getMessage()) + "): check the URL or create it");
            default -> state.startsWith("08") ? Optional.of("cannot connect to " + at + " ("
                    + DatabaseAddress.firstLine(sql.getMessage()) + "): is PostgreSQL running there?") : Optional.empty();
        };
    }

    /** {@code host:port} of a PostgreSQL JDBC URL (5432 when it names none), or the URL itself. */
    static String hostAndPort(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl == null ? "" : jdbcUrl);
        return m.find() ? m.group(1) + ":" + (m.group(2) == null ? "5432" : m.group(2)) : String.valueOf(jdbcUrl);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
