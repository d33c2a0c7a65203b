package dev.shipshape.cli;

import dev.shipshape.testing.StoreDump;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords, token values and secret values never reach the store, the audit log or any output but their own. */
class AuditSecretsTest {

    static final String PASSWORD = "hunter2-but-much-longer";
    static final String ENV_SECRET = "env-secret-5f4e3d2c1b";
    static final String FILE_SECRET = "file-secret-a1b2c3d4e5";
    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo "using $A and $B"
                    env:
                      A: ${secret:DEPLOY_TOKEN}
                      B: ${secret:FILE_TOKEN}
            """;

    @TempDir
    Path folder;

    @Test
    void noSecretIsStoredAuditedOrPrinted() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
        Path secrets = cli.write("deploy.secrets", "FILE_TOKEN=" + FILE_SECRET + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        cli.env.put("DEPLOY_TOKEN", ENV_SECRET);
        List<Cli.Result> results = new ArrayList<>();

        cli.stdin = PASSWORD + "\n";
        results.add(cli.run("user", "add", "bob", "--role", "deployer", "--password-stdin"));
        cli.stdin = "";
        Cli.Result created = cli.run("token", "create", "--user", "bob", "--name", "ci");
        String token = created.out().lines().toList().get(1);
        results.add(cli.run("deploy", "--env", "staging", "--version", "v1", "--secrets", "deploy.secrets"));
        results.add(cli.run("token", "list"));
        results.add(cli.run("token", "list", "--output", "json"));
        results.add(cli.run("user", "list", "--output", "json"));
        Cli.Result audit = cli.run("audit");
        Cli.Result auditJson = cli.run("audit", "--output", "json");
        results.add(audit);
        results.add(auditJson);
        results.add(cli.run("audit", "verify"));
        String dump = StoreDump.of(folder);

        assertThat(token).startsWith("shp_");
        assertThat(created.out() + created.err()).doesNotContain(PASSWORD).doesNotContain(ENV_SECRET);
        assertThat(results.get(1).out()).contains("using *** and ***");
        assertThat(audit.out()).contains("user add").contains("token create").contains("deploy");
        for (String secret : List.of(PASSWORD, token, token.substring(4), ENV_SECRET, FILE_SECRET)) {
            assertThat(dump).doesNotContain(secret);
            for (Cli.Result r : results) {
                assertThat(r.out() + r.err()).doesNotContain(secret);
            }
        }
        assertThat(auditJson.out()).doesNotContain("deploy.secrets").doesNotContain("argon2");
    }
}
