package dev.shipshape.postgres;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.engine.Secrets;
import dev.shipshape.runbook.DatabaseSettings;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a database is and how to log in, with the password revealed in memory only. Its
 * {@link #toString()} and every message it builds name host, port, database and user, never the
 * password; child processes get the password through {@code PGPASSWORD}, never on a command line.
 */
public final class DatabaseAddress {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Secrets secrets;

    private DatabaseAddress(String host, int port, String database, String user, String password, Secrets secrets) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.secrets = secrets;
    }

    /** Parses the settings' URL and reveals user and password with {@code secrets}. */
    public static DatabaseAddress of(DatabaseSettings settings, Secrets secrets) {
        URI uri = parse(settings.url());
        return new DatabaseAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), databaseOf(uri),
                secrets.reveal(settings.user()), secrets.reveal(settings.password()), secrets);
    }

    /** The same login on another server ({@code db verify --server}): host and port of {@code url}. */
    public DatabaseAddress atServer(String url) {
        URI uri = parse(url);
        return new DatabaseAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), databaseOf(uri), user,
                password, secrets);
    }

    private static URI parse(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new ShipshapeException(Code.INVALID_INPUT, "database url '" + url + "' is not a PostgreSQL JDBC "
                    + "URL; write jdbc:postgresql://HOST:PORT/DATABASE");
        }
        URI uri;
        try {
            uri = URI.create(url.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new ShipshapeException(Code.INVALID_INPUT, "database url is not a valid URL ("
                    + e.getClass().getSimpleName().replace("Exception", "") + " at index " + indexOf(e)
                    + "); write jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (uri.getHost() == null || databaseOf(uri).isEmpty()) {
            throw new ShipshapeException(Code.INVALID_INPUT, "database url '" + url + "' needs a host and a "
                    + "database name: jdbc:postgresql://HOST:PORT/DATABASE");
        }
        return uri;
    }

    /** Where the URL is broken, without repeating the URL (it may hold a password). */
    private static String indexOf(IllegalArgumentException e) {
        return e.getCause() instanceof java.net.URISyntaxException syntax ? String.valueOf(syntax.getIndex()) : "?";
    }

    private static String databaseOf(URI uri) {
        return uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    }

    /** The same server and login, another database (a scratch copy, or {@code postgres} to create one). */
    public DatabaseAddress withDatabase(String name) {
        return new DatabaseAddress(host, port, name, user, password, secrets);
    }

    public String database() {
        return database;
    }

    /** The role this address logs in as (null: the driver's default). */
    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Text safe to show and record: secrets of the run masked. */
    public String redact(String text) {
        String out = secrets.redact(text);
        return password == null || password.length() < 3 ? out : out.replace(password, "***");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Opens a connection, explaining a wrong password, an unreachable server or a missing database. */
    public Connection connect() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "shipshape");
        try {
            return DriverManager.getConnection(jdbcUrl(), props);
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, cannotConnect(e));
        }
    }

    private String cannotConnect(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = switch (state) {
            case "28P01", "28000" -> "authentication failed for user '" + user + "'; check the password secret "
                    + "and that the role may log in";
            case "3D000" -> "database '" + database + "' does not exist on " + host + ":" + port
                    + "; check the url or create it";
            case "08001", "08004" -> "the server is not reachable; check that PostgreSQL runs there and accepts "
                    + "TCP connections (" + redact(firstLine(e.getMessage())) + ")";
            default -> redact(firstLine(e.getMessage()));
        };
        return "cannot connect to " + this + ": " + why;
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    /** A Flyway configuration connected to this database (the password stays in memory). */
    public org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return org.flywaydb.core.Flyway.configure().dataSource(jdbcUrl(), user, password).connectRetries(0);
    }

    /** libpq variables for pg_dump, pg_restore and psql; the only way the password reaches them. */
    public Map<String, String> childEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", String.valueOf(port));
        env.put("PGDATABASE", database);
        if (user != null) {
            env.put("PGUSER", user);
        }
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        env.put("PGCONNECT_TIMEOUT", "10");
        env.put("PGAPPNAME", "shipshape");
        return env;
    }

    @Override
    public String toString() {
        return "database " + database + " on " + host + ":" + port + (user == null ? "" : " as " + user);
    }
}
