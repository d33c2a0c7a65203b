package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL server that is not there is named with what to do, never with SQL states or Java exceptions. */
class ConnectionMessagesTest {

    @TempDir
    Path folder;
    int closedPort;

    @BeforeEach
    void findAPortNobodyListensOn() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @Test
    void aStoreThatIsNotRunningIsNamedWithWhatToCheck() {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/shipshape";

        Cli.Result result = new Cli(folder).run("runs", "--store", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("shipshape: could not open the run store at " + url + ": cannot connect to"
                + " 127.0.0.1:" + closedPort + " (connection refused): is PostgreSQL running there and accepting TCP"
                + " connections?\n");
    }

    @Test
    void migrationsAgainstADatabaseThatIsNotRunningSayWhatFailedWithoutFlywaysDetails() throws Exception {
        Cli cli = new Cli(folder);
        Files.createDirectories(folder.resolve("db"));
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging:
                    database:
                      url: jdbc:postgresql://127.0.0.1:%d/shop
                      user: shop
                      migrations: db
                stages:
                  - name: deploy
                    steps:
                      - run: "true"
                """.formatted(closedPort));

        Cli.Result result = cli.run("db", "status", "--env", "staging");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("shipshape: could not read the migration status in " + folder.resolve("db")
                + ": cannot connect to 127.0.0.1:" + closedPort + " (connection refused): is PostgreSQL running there"
                + " and accepting TCP connections?\n");
    }
}
