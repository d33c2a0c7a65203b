package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    static final String TOKEN = "tok-9f8e7d6c5b4a";
    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo "token is $API_TOKEN"; echo "again ${secret:DEPLOY_TOKEN}" >&2; exit 1
                    env:
                      API_TOKEN: ${secret:DEPLOY_TOKEN}
                rollback:
                  - run: echo "undo with $API_TOKEN"
                    env:
                      API_TOKEN: ${secret:DEPLOY_TOKEN}
            """;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    @Test
    void secretValuesNeverAppearInOutputStoreShowOrLogs() throws Exception {
        cli.env.put("DEPLOY_TOKEN", TOKEN);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");
        String runId = runId();
        Cli.Result show = cli.run("show", runId);
        Cli.Result showJson = cli.run("show", runId, "--output", "json");
        Cli.Result logs = cli.run("logs", runId);
        Cli.Result events = cli.run("logs", runId, "--events");

        assertThat(deploy.exitCode()).isEqualTo(3);
        assertThat(deploy.out()).contains("token is ***").contains("again ***").contains("undo with ***");
        assertThat(logs.out()).contains("token is ***");
        for (Cli.Result r : new Cli.Result[] {deploy, show, showJson, logs, events}) {
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        }
        assertThat(storeText()).contains("token is ***").doesNotContain(TOKEN);
    }

    @Test
    void aMissingSecretStopsTheRunBeforeAnythingRuns() {
        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: secret DEPLOY_TOKEN is not set; export it or add NAME=value to "
                + folder.resolve(".shipshape/secrets") + " (mode 0600)\n");
        assertThat(cli.run("runs").out()).startsWith("no runs recorded yet");
    }

    @Test
    void aSecretsFileThatDoesNotExistIsNamedNotReportedAsAnUnsetSecret() {
        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--secrets", "deploy.secrets");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: secrets file deploy.secrets does not exist; check the path"
                + " given to --secrets\n");
        assertThat(cli.run("runs").out()).startsWith("no runs recorded yet");
    }

    @Test
    void secretsComeFromAFileOnlyWhenOthersCannotReadIt() throws Exception {
        Path secrets = cli.write("deploy.secrets", "# deploy secrets\nDEPLOY_TOKEN=" + TOKEN + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result refused = cli.run("deploy", "--env", "staging", "--version", "v1", "--secrets", "deploy.secrets");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Cli.Result used = cli.run("deploy", "--env", "staging", "--version", "v1", "--secrets", "deploy.secrets");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("shipshape: secrets file " + secrets + " can be read by other users; run:"
                + " chmod 600 " + secrets + "\n");
        assertThat(used.exitCode()).isEqualTo(3);
        assertThat(used.out()).contains("token is ***").doesNotContain(TOKEN);
    }

    private String runId() {
        return cli.run("runs", "--output", "json").out().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
    }

    /** Every text value in every table of the embedded store. */
    private String storeText() throws Exception {
        StringBuilder all = new StringBuilder();
        String url = "jdbc:h2:file:" + folder.resolve(".shipshape/store").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url);
             ResultSet tables = c.createStatement().executeQuery(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (tables.next()) {
                String table = "PUBLIC.\"" + tables.getString(1) + "\"";
                try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            all.append(rows.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        assertThat(all).as("store contents").isNotEmpty();
        return all.toString();
    }
}
