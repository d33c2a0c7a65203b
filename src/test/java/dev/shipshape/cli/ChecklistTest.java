package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-deployment checklist: alone as a table, signed off by people, and as a gate of deploy. */
class ChecklistTest {

    private static final String SECRET = "s3cr3t-but-too-short";

    @TempDir
    Path folder;
    Cli cli;
    HttpServer health;

    @BeforeEach
    void setUp() throws Exception {
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        health.start();
        cli = new Cli(folder);
        cli.env.put("NEXTAUTH_SECRET", SECRET);
        cli.write("shipshape.yaml", runbook(true));
    }

    @AfterEach
    void stop() {
        health.stop(0);
    }

    private String runbook(boolean strict) {
        return """
                service: shop-api
                people:
                  alice: [dev]
                  sam: [security]
                environments:
                  production:
                    checklist:
                      strict: %s
                      items:
                        - {name: tests pass, run: "echo all green"}
                        - {name: api healthy, http: "http://127.0.0.1:%d/health"}
                        - {name: auth secret, env: NEXTAUTH_SECRET, min_length: 32}
                        - {name: security audit, sign_off: [security]}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deployed >> journal
                """.formatted(strict, health.getAddress().getPort());
    }

    @Test
    void printsATableOfEveryItemAndExitsFiveInStrictMode() {
        Cli.Result result = cli.run("checklist", "--env", "production", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).isEqualTo("""
                Checklist for production v1 (strict):
                  result item            kind     details
                  pass   tests pass      run      exit code 0: all green
                  FAIL   api healthy     http     status 503 (expected 2xx)
                  FAIL   auth secret     env      NEXTAUTH_SECRET has 20 characters; needs at least 32
                  FAIL   security audit  sign_off not signed off yet; needs security: shipshape checklist --env \
                production --version v1 --sign 'security audit'
                block: 3 of 4 items failed (strict): api healthy, auth secret, security audit
                """);
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }

    @Test
    void aManualItemIsSignedOffOnlyBySomeoneWithItsRole() {
        Cli sam = new Cli(folder);
        sam.env.put("SHIPSHAPE_USER", "sam");

        Cli.Result refused = cli.run("checklist", "--env", "production", "--version", "v1", "--sign", "security audit");
        Cli.Result signed = sam.run("checklist", "--env", "production", "--version", "v1", "--sign", "security audit",
                "--comment", "pen test report 42");
        Cli.Result after = cli.run("checklist", "--env", "production", "--version", "v1");
        Cli.Result otherVersion = cli.run("checklist", "--env", "production", "--version", "v2");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("shipshape: alice may not sign off 'security audit': needs security;"
                + " nothing was recorded\n");
        assertThat(signed.out()).isEqualTo("signed off 'security audit' for shop-api v1 in production as sam"
                + " (security)\n");
        assertThat(after.out()).containsPattern("  pass   security audit  sign_off signed off by sam \\(security\\)"
                + " at \\S+: pen test report 42\n");
        assertThat(otherVersion.out()).contains("  FAIL   security audit  sign_off not signed off yet");
    }

    @Test
    void aStrictChecklistThatFailsRefusesTheDeployment() throws Exception {
        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).isEqualTo("shipshape: refused by the checklist gate; nothing was started\n"
                + "  checklist: 3 of 4 items failed (strict): api healthy, auth secret, security audit\n");
        assertThat(result.out() + result.err()).containsOnlyOnce("status 503 (expected 2xx)")
                .containsOnlyOnce("needs at least 32").containsOnlyOnce("--sign 'security audit'");
        assertThat(Files.exists(folder.resolve("journal"))).isFalse();
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }

    @Test
    void aChecklistThatIsNotStrictWarnsAndTheDeploymentGoesOn() throws Exception {
        cli.write("shipshape.yaml", runbook(false));

        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("  [pass]   checklist  warnings only, as the checklist is not strict: 3 of 4 items failed:"
                + " api healthy, auth secret, security audit\n");
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("deployed");
        String runId = WindowsAndPromotionTest.runIdOf(result);
        assertThat(cli.run("show", runId).out()).contains("    checklist pass — warnings only, as the checklist is not strict: 3 of 4 items failed");
    }

    @Test
    void anEnvironmentWithoutAChecklistSaysSo() throws Exception {
        cli.write("shipshape.yaml", runbook(true).replace("  production:", "  staging: {}\n  production:"));

        Cli.Result result = cli.run("checklist", "--env", "staging");
        Cli.Result unknown = cli.run("checklist", "--env", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: environment 'staging' has no checklist in shipshape.yaml\n");
        assertThat(unknown.err()).isEqualTo("shipshape: environment 'prod' is not defined in shipshape.yaml; defined:"
                + " staging, production\n");
    }
}
