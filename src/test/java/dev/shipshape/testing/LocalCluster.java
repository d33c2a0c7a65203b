package dev.shipshape.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster in a temp folder, built with the installed {@code initdb} and
 * {@code pg_ctl}: loopback only, trust auth, no fsync. PostgreSQL refuses to run as root, so
 * as root every command runs as the {@code postgres} OS user, who then owns the folder.
 */
final class LocalCluster {

    static final String SUPERUSER = "shipshape";
    static final String PASSWORD = "shipshape-test";

    private final Path binDir;
    private final Path folder;
    private final int port;

    private LocalCluster(Path binDir, Path folder, int port) {
        this.binDir = binDir;
        this.folder = folder;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** Creates and starts a cluster; stops it and deletes its folder when the JVM exits. */
    static LocalCluster start(Path binDir) throws IOException {
        Path folder = createFolder();
        Files.writeString(folder.resolve("pwfile"), PASSWORD + "\n");
        LocalCluster cluster = new LocalCluster(binDir, folder, freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "postgres-test-cluster-stop"));
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:", folder.toString()), folder.resolve("chown.log"));
        }
        cluster.pg("initdb", "-D", cluster.data(), "-U", SUPERUSER, "--pwfile=" + folder.resolve("pwfile"),
                "--auth=trust", "--locale=C", "--encoding=UTF8", "--no-sync");
        cluster.pg("pg_ctl", "-D", cluster.data(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", cluster.serverOptions(), "start");
        return cluster;
    }

    /** As root the folder must be reachable by {@code postgres}: /tmp and a 0755 folder of its own. */
    private static Path createFolder() throws IOException {
        Path parent = asRoot() ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(parent, "shipshape-pg-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }

    private String serverOptions() {
        return "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + folder
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(args));
        run(command, folder.resolve(program + ".log"));
    }

    private static void run(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private void stopAndDelete() {
        try {
            pg("pg_ctl", "-D", data(), "stop", "-m", "immediate");
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL cluster: " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }

    static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
