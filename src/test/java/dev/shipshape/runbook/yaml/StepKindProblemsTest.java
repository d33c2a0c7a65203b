package dev.shipshape.runbook.yaml;


import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepKindProblemsTest {

    /** Every step kind, in the order the loader knows them. */
    static final String KINDS = "run, http, health, smoke, analysis, monitor, approval, wait_until, confirm, postgres.backup, "
            + "postgres.restore, postgres.migrate, postgres.query, postgres.sql, postgres.diagnose";

    @Test
    void misspeltKindSuggestsTheKindMeant() {
        assertThat(problems(withStages("""
                  - name: verify
                    steps:
                      - htp: http://localhost/health
                """))).containsExactly("bad.yaml:7:9: stages[0].steps[0]: unknown step kind 'htp' (did you mean 'http'?)");
    }

    @Test
    void inventedKindListsTheKindsThereAre() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - shell: make
                """))).containsExactly(
                "bad.yaml:7:9: stages[0].steps[0]: unknown step kind 'shell' (expected one of: " + KINDS + ")");
    }

    @Test
    void stepWithoutKindSaysWhichKindsExist() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - name: compile
                        timeout: 5m
                """))).containsExactly("bad.yaml:7:9: stages[0].steps[0]: step has no kind; expected one of: " + KINDS);
    }

    @Test
    void stepWithTwoKindsIsRejected() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - run: make
                        http: http://localhost/
                """))).containsExactly("bad.yaml:8:9: stages[0].steps[0]: step has more than one kind: 'run' and "
                + "'http' (split it into one step per kind)");
    }

    @Test
    void stepThatIsNotAMapIsRejected() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - make all
                """))).containsExactly(
                "bad.yaml:7:9: stages[0].steps[0]: expected a step (a map with one of: " + KINDS + "), got a string");
    }

    @Test
    void keyOfAnotherKindIsUnknownForThisKind() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - run: make
                        expect: {status: 200}
                """))).containsExactly("bad.yaml:8:9: stages[0].steps[0]: unknown key 'expect' (expected one of: "
                + "run, env, workdir, exit_codes, name, timeout, retries, backoff, idempotent, environments, when, repeat)");
    }
}
