package dev.shipshape.runbook.yaml;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {

    @Test
    void anAliasRepeatsAnAnchoredList() {
        Runbook runbook = load(withStages("""
                  - name: build
                    steps: &make [{run: make}, {run: make check}]
                  - name: test
                    steps: *make
                """));

        assertThat(runbook.stages().get(1).steps()).extracting(s -> ((RunStep) s).command())
                .containsExactly("make", "make check");
    }

    @Test
    void aMergeKeyBringsInTheSharedBlockAndKeysWrittenBesideItWin() {
        Runbook runbook = load(withStages("""
                  - name: deploy
                    steps:
                      - run: ./deploy.sh
                        <<: &defaults {timeout: 5m, retries: 2}
                      - run: ./migrate.sh
                        retries: 0
                        <<: *defaults
                """));

        List<Step> steps = runbook.stages().getFirst().steps();
        assertThat(steps).extracting(s -> s.options().timeout()).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(5));
        assertThat(steps).extracting(s -> s.options().retries()).containsExactly(2, 0);
    }

    @Test
    void aProblemInsideAnAliasedBlockPointsWhereTheBlockIsWritten() {
        assertThat(problems(withStages("""
                  - name: build
                    steps:
                      - run: make
                        <<: &defaults
                          retries: lots
                  - name: test
                    steps:
                      - run: make test
                        <<: *defaults
                """))).containsExactly(
                "bad.yaml:9:20: stages[0].steps[0].retries: expected a whole number, got a string",
                "bad.yaml:9:20: stages[1].steps[0].retries: expected a whole number, got a string");
    }

    @Test
    void anAliasBombIsStoppedWithOneProblemAtTheAliasThatGoesTooFar() {
        StringBuilder yaml = new StringBuilder("service: shop-api\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            String prev = "*a" + (i - 1);
            yaml.append("x").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        yaml.append("environments:\n  staging: {}\nstages: [{name: build, steps: [{run: make}]}]\n");

        assertThat(problems(yaml.toString())).containsExactly("bad.yaml:7:10: x5[0]: the alias *a4 takes the runbook "
                + "past 100000 values once aliases are expanded (share smaller blocks, or write the values out)");
    }
}
