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

    private static final String SIGN_OFF_RULES = """
            service: shop-api
            people:
              rae: [reviewer]
              rob: [reviewer]
              sam: [ops]
            environments:
              production:
                checklist:
                  strict: true
                  items:
                    - {name: region, env: DATABASE_URL, contains: eu-west, pattern: "postgres://.*"}
                    - {name: code review, sign_off: {count: 2, roles: [reviewer]}}
                    - {name: dns set up, sign_off: {roles: [ops], once: true}}
            stages:
              - name: deploy
                steps:
                  - run: echo deployed
            """;

    private Cli as(String person) {
        Cli other = new Cli(folder);
        other.env.put("SHIPSHAPE_USER", person);
        other.env.put("DATABASE_URL", "postgres://db.us-east-1.example.com/shop");
        return other;
    }

    @Test
    void anEnvItemMayAskForATextTheValueContainsAndSaysWhichVariableLacksIt() throws Exception {
        cli.write("shipshape.yaml", SIGN_OFF_RULES);
        cli.env.put("DATABASE_URL", "postgres://db.us-east-1.example.com/shop");

        Cli.Result result = cli.run("checklist", "--env", "production", "--version", "v1");

        assertThat(result.out()).contains("  FAIL   region       env      DATABASE_URL does not contain 'eu-west'")
                .doesNotContain("us-east-1");
    }

    @Test
    void anItemNeedingTwoSignOffsPassesOnlyOnceTwoDifferentReviewersSignedIt() throws Exception {
        cli.write("shipshape.yaml", SIGN_OFF_RULES);

        Cli.Result none = as("rae").run("checklist", "--env", "production", "--version", "v1");
        as("rae").run("checklist", "--env", "production", "--version", "v1", "--sign", "code review");
        as("rae").run("checklist", "--env", "production", "--version", "v1", "--sign", "code review");
        Cli.Result one = as("rae").run("checklist", "--env", "production", "--version", "v1");
        Cli.Result rob = as("rob").run("checklist", "--env", "production", "--version", "v1", "--sign", "code review");
        Cli.Result two = as("rae").run("checklist", "--env", "production", "--version", "v1");
        Cli.Result nextVersion = as("rae").run("checklist", "--env", "production", "--version", "v2");

        assertThat(none.out()).contains("FAIL   code review  sign_off not signed off yet; needs 2 people: reviewer:"
                + " shipshape checklist --env production --version v1 --sign 'code review'");
        assertThat(one.out()).contains("FAIL   code review  sign_off signed off by 1 of 2 (rae (reviewer)); needs 1"
                + " more: reviewer");
        assertThat(rob.exitCode()).as(rob.err()).isZero();
        assertThat(two.out()).containsPattern("pass   code review  sign_off signed off by rae \\(reviewer\\) at \\S+,"
                + " rob \\(reviewer\\) at \\S+\n");
        assertThat(nextVersion.out()).contains("FAIL   code review  sign_off not signed off yet");
    }

    @Test
    void aOneTimePrerequisiteIsSignedOffOnceWithoutAVersionAndHoldsForEveryVersion() throws Exception {
        cli.write("shipshape.yaml", SIGN_OFF_RULES);

        Cli.Result before = as("sam").run("checklist", "--env", "production", "--version", "v1");
        Cli.Result signed = as("sam").run("checklist", "--env", "production", "--sign", "dns set up");
        Cli.Result v1 = as("sam").run("checklist", "--env", "production", "--version", "v1");
        Cli.Result v7 = as("sam").run("checklist", "--env", "production", "--version", "v7");
        Cli.Result perVersion = as("rae").run("checklist", "--env", "production", "--sign", "code review");

        assertThat(before.out()).contains("FAIL   dns set up   sign_off not signed off yet; needs ops (once):"
                + " shipshape checklist --env production --sign 'dns set up'");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).isEqualTo("signed off 'dns set up' for shop-api in production, once for every"
                + " version, as sam (ops)\n");
        assertThat(v1.out()).containsPattern("pass   dns set up   sign_off signed off once by sam \\(ops\\) at \\S+\n");
        assertThat(v7.out()).contains("pass   dns set up   sign_off signed off once by sam (ops)");
        assertThat(perVersion.exitCode()).isEqualTo(2);
        assertThat(perVersion.err()).isEqualTo("shipshape: --sign needs --version: a sign-off of 'code review' is for"
                + " one version\n");
    }
}
