package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db verify --server}: the recovery drill restores on a second PostgreSQL server. */
class DrillOnAnotherServerTest {

    @TempDir
    Path folder;

    @Test
    void drillRestoresOnTheOtherServerAndDropsTheScratchDatabaseThere() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("drill_src");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id int); INSERT INTO orders SELECT generate_series(1, 42)");
        }
        PostgresServer other = PostgresServer.another();
        Cli cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        cli.write("shipshape.yaml", """
                service: shop
                environments:
                  staging:
                    database:
                      url: %s
                      user: %s
                      password: ${secret:DB_PASSWORD}
                      recovery: {rto: 8h, rpo: 1h}
                stages:
                  - name: noop
                    steps:
                      - run: "true"
                """.formatted(url.substring(0, url.indexOf('?')), server.user()));
        cli.run("db", "backup", "--env", "staging");

        Cli.Result r = cli.run("db", "verify", "--env", "staging", "--server", "jdbc:postgresql://127.0.0.1:"
                + other.port() + "/postgres");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("recovery drill of backup_", ": passed", "public.orders: 42 rows",
                " on 127.0.0.1:" + other.port() + " (dropped afterwards)");
        try (Connection c = DriverManager.getConnection(other.superuserUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'shipshape_drill%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
