package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipshape init} run as a user runs it, not at a terminal: what it writes, assumes and refuses. */
class InitCommandTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void writesAStarterRunbookThatValidates() throws Exception {
        Cli.Result init = cli.run("init", "--service", "shop-api", "--environments", "staging,production",
                "--health-url", "https://shop.example.com/health");

        assertThat(init.exitCode()).as(init.err()).isEqualTo(0);
        assertThat(init.out()).isEqualTo("""
                wrote shipshape.yaml: service shop-api, environments staging, production; deploying to production \
                needs a sign-off (role lead)
                next: put your deploy command in place of ./scripts/deploy.sh, then run 'shipshape validate' and \
                'shipshape plan --env staging --version v1.0.0'
                """);
        Cli.Result validate = cli.run("validate");
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(0);
        assertThat(validate.out()).isEqualTo("shipshape.yaml is valid: service shop-api, 2 environments, 2 stages,"
                + " 3 steps\n");
    }

    @Test
    void theStarterDeploysChecksHealthAndRollsBackWithTheSameEnvironmentAsTheDeploy() {
        cli.run("init", "--service", "shop-api", "--health-url", "https://shop.example.com/health");

        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v2");

        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(0);
        assertThat(plan.out()).isEqualTo("""
                Plan: shop-api v2 to staging (previous: none)
                1. deploy  (on failure: rollback)
                     deploy/1  run  ./scripts/deploy.sh staging v2  [timeout 10m]
                         env DEPLOY_TOKEN=***
                     rollback:
                       deploy/rollback/1  run  ./scripts/deploy.sh staging ${previous_version}  [timeout 10m]
                           env DEPLOY_TOKEN=***
                     warning: nothing to roll back to on a first deploy: the rollback uses ${previous_version} and no \
                version is live in staging yet; a failure here is not undone
                2. verify  (on failure: rollback)
                     verify/1  health  GET https://shop.example.com/health until healthy x1 (every 2s, within 2m)  \
                [idempotent]
                """);
    }

    @Test
    void everySectionOfTheStarterIsExplainedByAComment() throws Exception {
        cli.run("init", "--service", "shop-api");

        String text = Files.readString(folder.resolve("shipshape.yaml"));

        assertThat(text).startsWith("# The deployment runbook of shop-api, written by `shipshape init`.");
        for (String section : new String[] {"service:", "environments:", "checklist:", "people:", "stages:",
                "rollback:", "- health:", "- run:"}) {
            int at = text.indexOf(section);
            assertThat(at).as(section).isPositive();
            String before = text.substring(0, at).stripTrailing();
            String lineBefore = before.substring(before.lastIndexOf('\n') + 1).strip();
            assertThat(lineBefore).as("the line before " + section).startsWith("#");
        }
    }

    @Test
    void theEnvironmentsGivenAreTheRunbooksAndPlanKnowsThem() {
        Cli.Result init = cli.run("init", "--service", "shop-api", "--environments", "dev,qa,prod");
        assertThat(init.exitCode()).as(init.err()).isEqualTo(0);

        Cli.Result validate = cli.run("validate");
        Cli.Result qa = cli.run("plan", "--env", "qa", "--version", "v2");
        Cli.Result staging = cli.run("plan", "--env", "staging", "--version", "v2");

        assertThat(validate.out()).isEqualTo("shipshape.yaml is valid: service shop-api, 3 environments, 2 stages,"
                + " 3 steps\n");
        assertThat(qa.exitCode()).isEqualTo(0);
        assertThat(qa.out()).startsWith("Plan: shop-api v2 to qa (previous: none)\n")
                .contains("deploy/1  run  ./scripts/deploy.sh qa v2");
        assertThat(staging.exitCode()).isEqualTo(2);
        assertThat(staging.err()).startsWith("shipshape: environment 'staging' is not defined in ")
                .endsWith("; defined: dev, qa, prod\n");
    }

    @Test
    void productionDeploysWaitForALeadsSignOffThatTheWriterMayGive() {
        cli.run("init", "--service", "shop-api", "--environments", "dev,qa,prod");

        Cli.Result before = cli.run("checklist", "--env", "prod", "--version", "v2");
        Cli.Result sign = cli.run("checklist", "--env", "prod", "--version", "v2", "--sign", "release approved");
        Cli.Result after = cli.run("checklist", "--env", "prod", "--version", "v2");

        assertThat(before.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(before.out()).contains("release approved  sign_off not signed off yet; needs lead");
        assertThat(sign.exitCode()).as(sign.err() + sign.out()).isEqualTo(0);
        assertThat(after.exitCode()).as(after.out()).isEqualTo(0);
        assertThat(after.out()).contains("signed off by alice (lead)");
    }

    @Test
    void withoutATerminalMissingValuesAreAssumedAndSaid() throws Exception {
        Files.createDirectories(folder.resolve("My Shop"));

        Cli.Result init = cli.run("init", "--file", "My Shop/shipshape.yaml");

        assertThat(init.exitCode()).as(init.err()).isEqualTo(0);
        assertThat(init.out()).isEqualTo("""
                assumed service name My-Shop (from the folder's name); pass --service to choose another
                assumed environments staging,production (the usual pair); pass --environments to choose another
                assumed health URL http://127.0.0.1:8080/health (a service on this machine); pass --health-url to \
                choose another
                wrote My Shop/shipshape.yaml: service My-Shop, environments staging, production; deploying to \
                production needs a sign-off (role lead)
                next: put your deploy command in place of ./scripts/deploy.sh, then run 'shipshape validate My \
                Shop/shipshape.yaml' and 'shipshape plan My Shop/shipshape.yaml --env staging --version v1.0.0'
                """);
        Cli.Result validate = cli.run("validate", "My Shop/shipshape.yaml");
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(0);
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        cli.write("shipshape.yaml", "service: mine\n");

        Cli.Result init = cli.run("init", "--service", "shop-api");

        assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(init.err()).isEqualTo("shipshape: shipshape.yaml already exists; pass --force to overwrite it,"
                + " or --file to write another file\n");
        assertThat(init.out()).isEmpty();
        assertThat(Files.readString(folder.resolve("shipshape.yaml"))).isEqualTo("service: mine\n");
    }

    @Test
    void forceOverwritesAnExistingFile() throws Exception {
        cli.write("shipshape.yaml", "service: mine\n");

        Cli.Result init = cli.run("init", "--service", "shop-api", "--force");

        assertThat(init.exitCode()).as(init.err()).isEqualTo(0);
        assertThat(init.out()).contains("wrote shipshape.yaml: service shop-api,");
        assertThat(cli.run("validate").out()).startsWith("shipshape.yaml is valid: service shop-api,");
    }

    @Test
    void aHealthUrlThatIsNotHttpIsRejectedAndNothingIsWritten() {
        Cli.Result init = cli.run("init", "--service", "shop-api", "--health-url", "ftp://shop.example.com/health");

        assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(init.err()).isEqualTo("shipshape: --health-url: 'ftp://shop.example.com/health' is not an"
                + " http(s) URL: it needs http:// or https:// and a host; e.g. http://127.0.0.1:8080/health\n");
        assertThat(init.out()).isEmpty();
        assertThat(folder.resolve("shipshape.yaml")).doesNotExist();
    }

    @Test
    void aServiceNameWithOtherCharactersIsRejected() {
        Cli.Result init = cli.run("init", "--service", "shop api");

        assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(init.err()).isEqualTo("shipshape: --service: 'shop api' is not a valid service name; use only"
                + " letters, digits, '-', '_' and '.'\n");
        assertThat(folder.resolve("shipshape.yaml")).doesNotExist();
    }

    @Test
    void environmentNamesAreChecked() {
        Cli.Result invalid = cli.run("init", "--environments", "staging,prod/eu");
        Cli.Result empty = cli.run("init", "--environments", "staging,,production");
        Cli.Result twice = cli.run("init", "--environments", "staging,staging");

        assertThat(invalid.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(invalid.err()).isEqualTo("shipshape: --environments: 'prod/eu' is not a valid environment name;"
                + " use only letters, digits, '-', '_' and '.'\n");
        assertThat(empty.err()).isEqualTo("shipshape: --environments: an environment name is empty; separate the"
                + " names with single commas, e.g. staging,production\n");
        assertThat(twice.err()).isEqualTo("shipshape: --environments: environment 'staging' is listed twice; name"
                + " each environment once\n");
        assertThat(folder.resolve("shipshape.yaml")).doesNotExist();
    }

    @Test
    void aLoneEnvironmentThatIsNotProductionNeedsNoSignOff() throws Exception {
        Cli.Result init = cli.run("init", "--service", "shop-api", "--environments", "staging");

        assertThat(init.exitCode()).as(init.err()).isEqualTo(0);
        assertThat(init.out()).contains("\nwrote shipshape.yaml: service shop-api, environments staging\n");
        assertThat(Files.readString(folder.resolve("shipshape.yaml"))).doesNotContain("checklist:", "people:");
        assertThat(cli.run("validate").out()).isEqualTo("shipshape.yaml is valid: service shop-api, 1 environment,"
                + " 2 stages, 3 steps\n");
    }

    @Test
    void namesYamlWouldReadAsOtherThanTextStillValidate() {
        cli.env.put("SHIPSHAPE_USER", "Jane Doe: ops");
        Cli.Result init = cli.run("init", "--service", "true", "--environments", "yes,1.0,null");

        Cli.Result validate = cli.run("validate");

        assertThat(init.exitCode()).as(init.err()).isEqualTo(0);
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(0);
        assertThat(validate.out()).isEqualTo("shipshape.yaml is valid: service true, 3 environments, 2 stages,"
                + " 3 steps\n");
    }
}
