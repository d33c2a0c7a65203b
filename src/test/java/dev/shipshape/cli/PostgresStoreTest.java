package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a PostgreSQL store, as a team uses it. */
class PostgresStoreTest {

    @TempDir
    Path folder;

    @Test
    void deployRecordsTheRunInPostgresAndNothingLocally() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deployed ${version}
                """);
        String url = PostgresServer.get().createDatabase("clistore");

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v7", "--store", url);
        cli.env.put("SHIPSHAPE_STORE", url);
        Cli.Result runs = cli.run("runs");

        assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(0);
        assertThat(runs.out()).containsPattern("\\S+ +shop-api +staging +v7 +succeeded");
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneLineWithoutThePassword() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", "service: shop-api\nenvironments:\n  staging: {}\nstages:\n"
                + "  - name: deploy\n    steps:\n      - run: 'true'\n");

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--store",
                "jdbc:postgresql://127.0.0.1:1/shipshape?user=ship&password=hunter2-secret");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("shipshape: ").doesNotContain("hunter2-secret")
                .doesNotContain("Exception").hasLineCount(1);
    }
}
