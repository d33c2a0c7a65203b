package dev.shipshape.runbook.yaml;


import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyProblemsTest {

    @Test
    void misspeltKeySuggestsTheKeyMeant() {
        assertThat(problems(withStages("""
                  - name: deploy
                    steps:
                      - run: ./deploy.sh
                    rolback:
                      - run: ./undo.sh
                """))).containsExactly("bad.yaml:8:5: stages[0]: unknown key 'rolback' (did you mean 'rollback'?)");
    }

    @Test
    void unknownKeyWithoutLookalikeListsAllowedKeys() {
        assertThat(problems("""
                service: shop-api
                owner: team-a
                environments: {staging: {}}
                stages: [{name: build, steps: [{run: make}]}]
                """)).containsExactly("bad.yaml:2:1: unknown key 'owner' "
                + "(expected one of: service, vars, on_interrupted, environments, stages, always, people, rollback_rules, procedures, schedules)");
    }

    @Test
    void prefixOfAKeyIsSuggested() {
        assertThat(problems("""
                service: shop-api
                environments: {staging: {}}
                stages: [{name: build, steps: [{run: make, exit: [0]}]}]
                """)).containsExactly("bad.yaml:3:44: stages[0].steps[0]: unknown key 'exit' "
                + "(did you mean 'exit_codes'?)");
    }

    @Test
    void unknownKeyInEnvironmentIsReported() {
        assertThat(problems("""
                service: shop-api
                environments:
                  staging:
                    var: {A: b}
                stages: [{name: build, steps: [{run: make}]}]
                """)).containsExactly("bad.yaml:4:5: environments.staging: unknown key 'var' (did you mean 'vars'?)");
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondOccurrence() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - run: make
                    name: compile
                """))).containsExactly(
                "bad.yaml:8:5: stages[0]: duplicate key 'name' (first written at line 5; remove one of them)");
    }

    @Test
    void missingRequiredKeysAreEachReported() {
        assertThat(problems("""
                vars: {A: b}
                """)).containsExactly(
                "bad.yaml:1:1: missing required key 'service'",
                "bad.yaml:1:1: missing required key 'environments'",
                "bad.yaml:1:1: missing required key 'stages'");
    }
}
