package dev.shipshape.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for tests, one per JVM, started on first use. Uses the server named by
 * {@code SHIPSHAPE_TEST_PG_URL} (a superuser JDBC URL with {@code user} and {@code password}
 * parameters) when set; otherwise starts a throw-away cluster from the installed binaries (see
 * {@link LocalCluster}). Without binaries the test is aborted, or fails when {@code CI=true}.
 */
public final class PostgresServer {

    private static final String INSTALL_HINT = "install the Debian package `postgresql` (apt-get install "
            + "postgresql) or set SHIPSHAPE_TEST_PG_URL to a superuser JDBC URL with user and password";

    /** The one JVM-wide server; test-only mutable state, set once. */
    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Path binDir;
    private final String superuserUrl;

    private PostgresServer(String host, int port, String user, String password, Path binDir, String superuserUrl) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.binDir = binDir;
        this.superuserUrl = superuserUrl != null ? superuserUrl : url("postgres");
    }

    /** The server, started on first call; aborts (or fails on CI) the calling test when there is none. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start(System.getenv());
        }
        return instance;
    }

    private static PostgresServer start(Map<String, String> env) {
        Optional<Path> binDir = findBinDir(env);
        String external = env.get("SHIPSHAPE_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return fromUrl(external, binDir.orElse(null));
        }
        if (binDir.isEmpty()) {
            missingBinaries(env);
        }
        return local(binDir.get());
    }

    /**
     * A second, separate cluster with the same superuser and password (a recovery drill on another
     * server); stopped when the JVM exits.
     */
    public static PostgresServer another() {
        Optional<Path> binDir = findBinDir(System.getenv());
        if (binDir.isEmpty()) {
            missingBinaries(System.getenv());
        }
        return local(binDir.get());
    }

    private static PostgresServer local(Path binDir) {
        try {
            LocalCluster cluster = LocalCluster.start(binDir);
            return new PostgresServer("127.0.0.1", cluster.port(), LocalCluster.SUPERUSER, LocalCluster.PASSWORD,
                    binDir, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a PostgreSQL test cluster", e);
        }
    }

    private static void missingBinaries(Map<String, String> env) {
        String message = "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin "
                + "or on PATH; " + INSTALL_HINT;
        if (CiMode.on(env)) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    private static PostgresServer fromUrl(String url, Path binDir) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        Map<String, String> params = parameters(uri.getRawQuery());
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), params.get("user"),
                params.getOrDefault("password", ""), binDir, url);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    /** The highest version under /usr/lib/postgresql, else the folder of {@code initdb} on PATH. */
    static Optional<Path> findBinDir(Map<String, String> env) {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> highest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingDouble(PostgresServer::versionOf));
                if (highest.isPresent()) {
                    return highest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Arrays.stream(env.getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    private static double versionOf(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Creates a fresh, uniquely named database and returns its JDBC URL with user and password. */
    public String createDatabase(String prefix) {
        String name = (prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection connection = DriverManager.getConnection(superuserUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** A URL to the server's maintenance database as superuser, with user and password. */
    public String superuserUrl() {
        return superuserUrl;
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + encode(user)
                + "&password=" + encode(password);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Where pg_dump, pg_restore and psql are; aborts the test when no binaries were found. */
    public Path binDir() {
        if (binDir == null) {
            missingBinaries(System.getenv());
        }
        return binDir;
    }
}
