package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database block of the db commands resolves {@code ${vars.…}} and {@code ${env:…}} as a deployment does. */
class DbReferencesTest {

    @TempDir
    Path folder;
    private Cli cli;
    private URI address;

    @BeforeEach
    void runbook() throws Exception {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase("refs");
        address = URI.create(url.substring("jdbc:".length(), url.indexOf('?')));
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
        cli.write("shipshape.yaml", """
                service: shop
                vars:
                  DB_HOST: %s
                environments:
                  staging:
                    vars:
                      DB_PORT: "%d"
                    database:
                      url: jdbc:postgresql://${vars.DB_HOST}:${vars.DB_PORT}/${env:SHOP_DB}
                      user: ${env:SHOP_DB_USER}
                      password: ${secret:DB_PASSWORD}
                stages:
                  - name: noop
                    steps:
                      - run: "true"
                """.formatted(address.getHost(), address.getPort()));
        cli.env.put("SHOP_DB_USER", server.user());
    }

    @Test
    void backupUsesTheDatabaseNamedByVarsAndEnvironmentVariables() {
        cli.env.put("SHOP_DB", address.getPath().substring(1));

        Cli.Result r = cli.run("db", "backup", "--env", "staging");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("backup backup_").contains("backup_", " of " + address.getPath().substring(1)
                + " (PostgreSQL 15");
    }

    @Test
    void unsetEnvironmentVariableInTheDatabaseBlockIsNamed() {
        Cli.Result r = cli.run("db", "backup", "--env", "staging");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("shipshape: environment variable SHOP_DB is not set (used by step "
                + "environments.staging.database); set it and try again\n");
    }
}
