package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndPlanTest {

    static final String PINNED = """
            service: shop-api
            environments:
              staging:
                vars:
                  BASE_URL: http://127.0.0.1:8080
              production:
                vars:
                  BASE_URL: https://shop.example.com
            stages:
              - name: build
                steps:
                  - run: ./scripts/build.sh ${version}
              - name: deploy
                steps:
                  - run: ./scripts/deploy.sh ${environment} ${version}
                    timeout: 5m
                    retries: 2
                    env:
                      API_TOKEN: ${secret:DEPLOY_TOKEN}
                rollback:
                  - run: ./scripts/deploy.sh ${environment} ${previous_version}
              - name: verify
                steps:
                  - http: ${vars.BASE_URL}/health
                    expect:
                      status: 200
                      json:
                        status: healthy
            """;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void validateSummarisesAValidRunbook() throws Exception {
        cli.write("shipshape.yaml", PINNED);

        Cli.Result result = cli.run("validate");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).isEqualTo("shipshape.yaml is valid: service shop-api, 2 environments, 3 stages,"
                + " 4 steps\n");
    }

    @Test
    void validateCountsInTheSingularWhenThereIsOne() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: "true"
                """);

        Cli.Result result = cli.run("validate");

        assertThat(result.out()).isEqualTo("shipshape.yaml is valid: service shop-api, 1 environment, 1 stage,"
                + " 1 step\n");
    }

    @Test
    void validateListsEveryProblemWithFileLineAndColumnAndExits2() throws Exception {
        cli.write("bad.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    timeout: 5 minutes
                    steps:
                      - htp: http://127.0.0.1/health
                """);

        Cli.Result result = cli.run("validate", "bad.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("shipshape: bad.yaml: 2 problems\n")
                .contains("  bad.yaml:6:14: stages[0].timeout: ")
                .contains("  bad.yaml:8:9: stages[0].steps[0]: unknown step kind 'htp'")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingRunbookIsOneReadableLineAndExit2() {
        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: runbook not found: shipshape.yaml; pass the runbook file, or"
                + " run where shipshape.yaml is\n");
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void planShowsResolvedStepsInOrderWithSecretsMaskedAndRunsNothing() throws Exception {
        cli.write("shipshape.yaml", PINNED);

        Cli.Result result = cli.run("plan", "--env", "staging", "--version", "v1.4.2");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).isEqualTo("""
                Plan: shop-api v1.4.2 to staging (previous: none)
                1. build  (on failure: rollback)
                     build/1  run  ./scripts/build.sh v1.4.2
                2. deploy  (on failure: rollback)
                     deploy/1  run  ./scripts/deploy.sh staging v1.4.2  [timeout 5m, retries 2]
                         env API_TOKEN=***
                     rollback:
                       deploy/rollback/1  run  ./scripts/deploy.sh staging ${previous_version}
                     warning: nothing to roll back to on a first deploy: the rollback uses ${previous_version} \
                and no version is live in staging yet; a failure here is not undone
                3. verify  (on failure: rollback)
                     verify/1  http  GET http://127.0.0.1:8080/health  [idempotent]
                         expect status 200, json status = healthy
                """);
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void planShowsTheEnvDefaultWhenTheVariableIsUnsetAndTheValueWhenItIsSet() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./scripts/deploy.sh --region ${env:SHOP_REGION:-eu-west-1}
                """);

        cli.env.remove("SHOP_REGION");
        Cli.Result unset = cli.run("plan", "--env", "staging", "--version", "v1");
        cli.env.put("SHOP_REGION", "us-east-2");
        Cli.Result set = cli.run("plan", "--env", "staging", "--version", "v1");

        assertThat(unset.exitCode()).as(unset.err()).isZero();
        assertThat(unset.out()).contains("deploy/1  run  ./scripts/deploy.sh --region eu-west-1");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("deploy/1  run  ./scripts/deploy.sh --region us-east-2");
    }

    @Test
    void anAliasBombIsOneProblemLineWithItsPositionAndExit2() throws Exception {
        StringBuilder yaml = new StringBuilder("service: shop-api\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("x").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        cli.write("shipshape.yaml", yaml.toString());

        Cli.Result result = cli.run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out() + result.err()).contains("shipshape.yaml:7:10: x5[0]: the alias *a4 takes the runbook "
                + "past 100000 values").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void planShowsStepsThatMergeASharedBlock() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: ./scripts/deploy.sh ${version}
                        <<: &patient {timeout: 10m, retries: 2}
                      - run: ./scripts/migrate.sh
                        <<: *patient
                        retries: 0
                """);

        Cli.Result result = cli.run("plan", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("deploy/1  run  ./scripts/deploy.sh v1  [timeout 10m, retries 2]")
                .contains("deploy/2  run  ./scripts/migrate.sh  [timeout 10m]");
    }

    static final String TIMEOUTS_FROM_VARS = """
            service: shop-api
            vars:
              RETRIES: 1
            environments:
              staging:
                vars: {T: 30s, WAIT: 10s}
              production:
                vars: {T: 10m, WAIT: 2m, RETRIES: 3}
            stages:
              - name: deploy
                timeout: ${vars.T}
                steps:
                  - run: ./scripts/deploy.sh ${version}
                    timeout: ${vars.T}
                    retries: ${vars.RETRIES}
                  - health: http://127.0.0.1:1/health
                    within: ${vars.WAIT}
            """;

    @Test
    void planTakesEachEnvironmentsDurationsAndRetriesFromItsVars() throws Exception {
        cli.write("shipshape.yaml", TIMEOUTS_FROM_VARS);

        Cli.Result staging = cli.run("plan", "--env", "staging", "--version", "v1");
        Cli.Result production = cli.run("plan", "--env", "production", "--version", "v1");

        assertThat(staging.exitCode()).as(staging.err()).isZero();
        assertThat(staging.out()).contains("deploy/1  run  ./scripts/deploy.sh v1  [timeout 30s, retries 1]")
                .contains("within 10s");
        assertThat(production.exitCode()).as(production.err()).isZero();
        assertThat(production.out()).contains("deploy/1  run  ./scripts/deploy.sh v1  [timeout 10m, retries 3]")
                .contains("within 2m");
    }

    @Test
    void anEnvironmentWhoseVarIsNotADurationIsAProblemAtTheFieldThatUsesIt() throws Exception {
        cli.write("shipshape.yaml", TIMEOUTS_FROM_VARS.replace("{T: 10m, WAIT: 2m, RETRIES: 3}",
                "{T: soon, WAIT: 2m, RETRIES: many}"));

        Cli.Result result = cli.run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("shipshape: shipshape.yaml: 3 problems\n")
                .contains("  shipshape.yaml:11:14: stages[0].timeout: ${vars.T} is 'soon' in environment production,"
                        + " which is not a duration (e.g. 30s, 5m, 2h) (fix T in environments.production.vars (or vars))")
                .contains("  shipshape.yaml:14:18: stages[0].steps[0].timeout: ${vars.T} is 'soon' in environment"
                        + " production")
                .contains("  shipshape.yaml:15:18: stages[0].steps[0].retries: ${vars.RETRIES} is 'many' in"
                        + " environment production, which is not a whole number")
                .doesNotContain("staging").doesNotContain("Exception");
    }

    @Test
    void planForAnUnknownEnvironmentNamesTheDefinedOnes() throws Exception {
        cli.write("shipshape.yaml", PINNED);

        Cli.Result result = cli.run("plan", "--env", "prod", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: environment 'prod' is not defined in "
                + folder.resolve("shipshape.yaml") + "; defined: staging, production\n");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAHint() throws Exception {
        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--environment", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: unknown option '--environment': did you mean '--env'?\n"
                + "Run 'shipshape deploy --help' for usage.\n");
    }

    @Test
    void schemaPrintsTheJsonSchema() {
        Cli.Result result = cli.run("schema");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).contains("\"$schema\"").contains("\"stages\"");
    }

    @Test
    void versionAndHelpWorkEverywhere() {
        assertThat(cli.run("--version").out()).startsWith("shipshape ");
        Cli.Result help = cli.run("resume", "--help");
        assertThat(help.exitCode()).isEqualTo(0);
        assertThat(help.out()).contains("Usage: shipshape resume").contains("--rerun").contains("--rollback");
    }

    @Test
    void examplesFolderPinnedRunbookMatchesTheIssue() throws Exception {
        Path example = Path.of("examples/shop-api.yaml");
        assertThat(Files.readString(example)).isEqualTo(PINNED);
    }
}
