package dev.shipshape.runbook.yaml;


import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueProblemsTest {

    @Test
    void listWhereStringExpectedIsAWrongType() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - run: [make, all]
                """))).containsExactly("bad.yaml:7:14: stages[0].steps[0].run: expected a string, got a list");
    }

    @Test
    void unknownOnFailureListsTheAllowedValues() {
        assertThat(problems(withStages("""
                  - name: build
                    on_failure: retry
                    steps: [{run: make}]
                """))).containsExactly(
                "bad.yaml:6:17: stages[0].on_failure: 'retry' is not allowed; expected rollback|stop|continue");
    }

    @Test
    void misspeltOnInterruptedSuggestsTheValueMeant() {
        assertThat(problems("""
                service: shop-api
                on_interrupted: rolback
                environments: {staging: {}}
                stages: [{name: build, steps: [{run: make}]}]
                """)).containsExactly("bad.yaml:2:17: on_interrupted: 'rolback' is not allowed; expected ask|rollback "
                + "(did you mean 'rollback'?)");
    }

    @Test
    void durationInWordsIsNotADuration() {
        assertThat(problems(withStages("""
                  - name: build
                    timeout: 5 minutes
                    steps: [{run: make}]
                """))).containsExactly(
                "bad.yaml:6:14: stages[0].timeout: '5 minutes' is not a duration; write e.g. 30s, 5m, 2h");
    }

    @Test
    void negativeRetriesAreRejected() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - run: make
                        retries: -1
                """))).containsExactly("bad.yaml:8:18: stages[0].steps[0].retries: retries must be 0 or more, got -1");
    }

    @Test
    void statusCodesOutsideHttpRangeAreRejected() {
        assertThat(problems(withStages("""
                  - name: verify
                    steps:
                      - http: http://localhost/
                        expect:
                          status: [200, 999, ok]
                """))).containsExactly(
                "bad.yaml:9:25: stages[0].steps[0].expect.status[1]: 999 is not an HTTP status code; expected 100 to 599",
                "bad.yaml:9:30: stages[0].steps[0].expect.status[2]: expected a whole number, got a string");
    }

    @Test
    void serviceAndStageNamesMustBeSafeWords() {
        assertThat(problems("""
                service: shop api
                environments: {staging: {}}
                stages:
                  - name: build/all
                    steps: [{run: make}]
                """)).containsExactly(
                "bad.yaml:1:10: service: 'shop api' is not a valid service name; use only letters, digits, '-', '_' "
                        + "and '.'",
                "bad.yaml:4:11: stages[0].name: 'build/all' is not a valid stage name; use only letters, digits, "
                        + "'-', '_' and '.'");
    }

    @Test
    void emptyStagesAndStepsAreRejected() {
        assertThat(problems("""
                service: shop-api
                environments: {}
                stages: []
                """)).containsExactly(
                "bad.yaml:2:15: environments: expected at least one environment (e.g. staging: {})",
                "bad.yaml:3:9: stages: expected at least one stage");
        assertThat(problems(withStages("""
                  - name: build
                    steps: []
                """))).containsExactly("bad.yaml:6:12: stages[0].steps: a stage needs at least one step");
    }

    @Test
    void variableWithoutValueIsRejected() {
        assertThat(problems("""
                service: shop-api
                vars:
                  REGION:
                environments: {staging: {}}
                stages: [{name: build, steps: [{run: make}]}]
                """)).containsExactly(
                "bad.yaml:3:10: vars.REGION: expected a value, got nothing (write '' for an empty value)");
    }
}
