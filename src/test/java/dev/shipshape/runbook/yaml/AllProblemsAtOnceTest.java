package dev.shipshape.runbook.yaml;


import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllProblemsAtOnceTest {

    @Test
    void threeDifferentMistakesGiveThreeProblemsInFileOrder() {
        assertThat(problems("""
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: build
                    timeout: 5 minutes
                    steps:
                      - htp: http://localhost/
                  - name: deploy
                    needs: [biuld]
                    steps: [{run: ./deploy.sh}]
                """)).containsExactly(
                "bad.yaml:6:14: stages[0].timeout: '5 minutes' is not a duration; write e.g. 30s, 5m, 2h",
                "bad.yaml:8:9: stages[0].steps[0]: unknown step kind 'htp' (did you mean 'http'?)",
                "bad.yaml:10:13: stages[1].needs[0]: needs unknown stage 'biuld' (did you mean 'build'?)");
    }
}
