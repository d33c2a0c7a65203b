package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code environments: [production]} on a stage or a step: elsewhere it is skipped, planned and recorded so. */
class EnvironmentsOnStagesAndStepsTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
              production: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy >> done
                  - name: warm cache
                    environments: [production]
                    run: echo warm >> done
              - name: scale
                environments: [production]
                steps:
                  - run: echo scale >> done
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
    void aStageAndAStepForProductionAreSkippedInStagingAndRecordedWithWhy() throws Exception {
        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");
        String runId = JSON.readTree(cli.run("runs", "--output", "json").out()).get(0).path("id").asText();
        Cli.Result show = cli.run("show", runId);
        JsonNode json = JSON.readTree(cli.run("show", runId, "--output", "json").out());

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("deploy");
        assertThat(deploy.out()).contains("deploy/2  warm cache  skipped: runs only in production, not in staging",
                "stage scale skipped: runs only in production, not in staging");
        assertThat(show.out()).contains("scale: skipped — runs only in production, not in staging");
        assertThat(show.out()).containsPattern("deploy/2 +skipped .*warm cache  \\(runs only in production, not in"
                + " staging\\)");
        assertThat(json.path("steps").get(1).path("state").asText()).isEqualTo("skipped");
        assertThat(json.path("steps").get(1).path("message").asText())
                .isEqualTo("runs only in production, not in staging");
    }

    @Test
    void inProductionEverythingRuns() throws Exception {
        Cli.Result deploy = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("done"))).containsExactly("deploy", "warm", "scale");
    }

    @Test
    void planShowsWhatIsSkippedAndWhy() throws Exception {
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v1");
        JsonNode json = JSON.readTree(cli.run("plan", "--env", "staging", "--version", "v1", "--output", "json").out());

        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("""
                1. deploy  (on failure: rollback)
                     deploy/1  run  echo deploy >> done
                     deploy/2  run  echo warm >> done  (skipped: runs only in production, not in staging)
                2. scale  (skipped: runs only in production, not in staging, on failure: rollback)
                """);
        assertThat(json.path("stages").get(0).path("steps").get(1).path("skipped").asText())
                .isEqualTo("runs only in production, not in staging");
        assertThat(json.path("stages").get(0).path("steps").get(0).has("skipped")).isFalse();
        assertThat(json.path("stages").get(1).path("skipped").asText())
                .isEqualTo("runs only in production, not in staging");
    }

    @Test
    void anUnknownEnvironmentNameIsRefusedWithWhereItIsWritten() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK.replace("environments: [production]\n        run:",
                "environments: [prodution]\n        run:").replace("environments: [production]\n    steps:",
                "environments: [staging, qa]\n    steps:"));

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("shipshape.yaml:10:24: stages[0].steps[1].environments[0]: unknown"
                + " environment 'prodution'; declared: staging, production (did you mean 'production'?)");
        assertThat(validate.err()).contains("shipshape.yaml:13:29: stages[1].environments[1]: unknown environment"
                + " 'qa'; declared: staging, production\n");
    }
}
