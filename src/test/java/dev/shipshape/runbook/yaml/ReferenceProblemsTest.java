package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Runbook;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceProblemsTest {

    private static String runbook(String vars, String environments, String command) {
        return "service: shop-api\n" + vars + "environments:\n" + environments
                + "stages:\n  - name: build\n    steps:\n      - run: " + command + "\n";
    }

    @Test
    void unknownReferenceListsTheKnownOnes() {
        assertThat(problems(runbook("", "  staging: {}\n", "echo ${foo}"))).containsExactly(
                "bad.yaml:7:14: stages[0].steps[0].run: unknown reference ${foo}; expected version, environment, "
                        + "previous_version, vars.NAME, env:NAME, secret:NAME or (in always-steps) run.outcome");
    }

    @Test
    void misspeltBuiltInReferenceSuggestsTheOneMeant() {
        assertThat(problems(runbook("", "  staging: {}\n", "echo ${versoin}"))).containsExactly(
                "bad.yaml:7:14: stages[0].steps[0].run: unknown reference ${versoin}; expected version, environment, "
                        + "previous_version, vars.NAME, env:NAME, secret:NAME or (in always-steps) run.outcome (did you mean '${version}'?)");
    }

    @Test
    void varMissingInOneEnvironmentNamesThatEnvironment() {
        String environments = "  staging:\n    vars: {BASE_URL: http://localhost}\n  production: {}\n";
        assertThat(problems(runbook("", environments, "curl ${vars.BASE_URL}"))).containsExactly(
                "bad.yaml:9:14: stages[0].steps[0].run: ${vars.BASE_URL} is not defined for environment production; "
                        + "add it to environments.production.vars or to vars");
    }

    @Test
    void varMissingEverywhereNamesAllEnvironments() {
        assertThat(problems(runbook("", "  staging:\n  production:\n", "curl ${vars.URL}"))).containsExactly(
                "bad.yaml:8:14: stages[0].steps[0].run: ${vars.URL} is not defined for environments staging, "
                        + "production; add it to vars or to each of their vars");
    }

    @Test
    void globalVarsCoverEveryEnvironment() {
        Runbook loaded = load(runbook("vars:\n  REGION: eu\n", "  staging:\n  production:\n", "echo ${vars.REGION}"));
        assertThat(loaded.vars()).isEqualTo(Map.of("REGION", "eu"));
    }

    @Test
    void environmentVarsOverrideGlobalOnes() {
        String environments = "  staging:\n    vars: {PORT: 8081}\n  production: {}\n";
        Runbook loaded = load(runbook("vars:\n  PORT: 8080\n", environments, "serve --port ${vars.PORT}"));
        assertThat(loaded.vars()).isEqualTo(Map.of("PORT", "8080"));
        assertThat(loaded.environment("staging").orElseThrow().vars()).isEqualTo(Map.of("PORT", "8081"));
        assertThat(loaded.environment("production").orElseThrow().vars()).isEmpty();
    }

    @Test
    void varsMayUseRunTimeReferencesButNotOtherVars() {
        String vars = "vars:\n  TOKEN: ${secret:T}\n  HOME_DIR: ${env:HOME}/${version}\n  URL: ${vars.TOKEN}/x\n";
        assertThat(problems(runbook(vars, "  staging: {}\n", "echo"))).containsExactly(
                "bad.yaml:5:8: vars.URL: ${vars.TOKEN} cannot be used in vars; a variable cannot refer to another "
                        + "variable (write the value out)");
    }

    @Test
    void environmentVarsMayNotReferToVarsEither() {
        String environments = "  staging:\n    vars: {A: x, B: '${vars.A}'}\n";
        assertThat(problems(runbook("", environments, "echo"))).containsExactly(
                "bad.yaml:4:21: environments.staging.vars.B: ${vars.A} cannot be used in vars; a variable cannot "
                        + "refer to another variable (write the value out)");
    }

    @Test
    void variableWrittenWithoutVarsPrefixSuggestsIt() {
        assertThat(problems(runbook("vars:\n  REGION: eu\n", "  staging: {}\n", "echo ${REGION}"))).containsExactly(
                "bad.yaml:9:14: stages[0].steps[0].run: unknown reference ${REGION}; expected version, environment, "
                        + "previous_version, vars.NAME, env:NAME, secret:NAME or (in always-steps) run.outcome (did you mean '${vars.REGION}'?)");
    }

    @Test
    void unclosedReferenceAsksForTheBrace() {
        assertThat(problems(runbook("", "  staging: {}\n", "echo ${version"))).containsExactly(
                "bad.yaml:7:14: stages[0].steps[0].run: unclosed reference '${version' (add the closing '}')");
    }

    @Test
    void escapedDollarIsNotAReference() {
        assertThat(load(runbook("", "  staging: {}\n", "echo $${HOME}")).stages()).hasSize(1);
    }
}
