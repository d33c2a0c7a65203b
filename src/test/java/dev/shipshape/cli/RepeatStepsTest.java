package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repeat: through the real CLI: plan says how a step repeats, a run repeats it, show tells how many ran. */
class RepeatStepsTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo ${version}
              - name: watch
                steps:
                  - name: update
                    run: echo "status update" >> updates
                    repeat: {every: 15m, for: 2h}
            procedures:
              wait-for-recovery:
                description: check until the service answers again
                steps:
                  - name: check
                    run: echo x >> checks; [ "$(wc -l < checks)" -ge 3 ]
                    repeat: {every: 1s, until: "${steps.check.exit} == 0", times: 5}
                  - run: echo recovered >> checks
              forever-broken:
                description: a check that never passes
                steps:
                  - name: check
                    run: exit 4
                    repeat: {every: 1s, until: "${steps.check.exit} == 0", times: 2}
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    @Test
    void planSaysHowAStepRepeats() throws Exception {
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v1");
        JsonNode json = JSON.readTree(cli.run("plan", "--env", "staging", "--version", "v1", "--output", "json").out());

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("watch/1  run  echo \"status update\" >> updates  [repeats every 15m for 2h]");
        assertThat(json.path("stages").get(1).path("steps").get(0).path("repeats").asText())
                .isEqualTo("repeats every 15m for 2h");
    }

    @Test
    void aCheckRepeatsUntilItPassesAndShowTellsHowManyRan() throws Exception {
        Cli.Result run = cli.run("run", "wait-for-recovery", "--env", "staging");
        String runId = JSON.readTree(cli.run("runs", "--output", "json").out()).get(0).path("id").asText();
        Cli.Result show = cli.run("show", runId);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("checks"))).containsExactly("x", "x", "x", "recovered");
        assertThat(show.out()).contains("repeated 3 times over 2s: until held after repetition 3");
    }

    @Test
    void aCheckWhoseUntilNeverHoldsFailsTheRunSayingSo() throws Exception {
        Cli.Result run = cli.run("run", "forever-broken", "--env", "staging");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).contains("repeated 2 times over 1s: until ${steps.check.exit} == 0 did not hold after 2"
                + " repetitions");
    }

    @Test
    void aRepeatWithoutAnEndIsRefusedByValidateWithItsPlace() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK.replace("{every: 15m, for: 2h}", "{every: 15m}"));

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("shipshape.yaml:12:17: stages[1].steps[0].repeat: repeat needs an end:"
                + " for, until or times");
    }
}
