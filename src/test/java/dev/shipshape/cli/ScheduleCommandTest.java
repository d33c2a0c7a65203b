package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schedules: listed with their next times; run-due runs what is due once per due time, for cron. */
class ScheduleCommandTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
              production: {}
            stages:
              - name: deploy
                steps:
                  - run: echo ${version}
            procedures:
              dr-drill:
                description: restore the latest backup on a scratch server
                steps:
                  - run: echo "drill in ${environment}" >> drills
              rotate-logs:
                description: rotate the logs
                steps:
                  - run: echo rotated >> rotations
            schedules:
              - procedure: dr-drill
                environment: staging
                every: quarter
                at: first Mon of month 03:00
              - procedure: rotate-logs
                environment: production
                at: "Sun 04:00"
                timezone: Europe/Berlin
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

    private void at(String time) {
        cli.clock = Clock.fixed(OffsetDateTime.parse(time).toInstant(), ZoneOffset.UTC);
    }

    private String file(String name) throws Exception {
        Path path = folder.resolve(name);
        return Files.exists(path) ? Files.readString(path) : "";
    }

    @Test
    void scheduleListsEachScheduleWithItsNextTimeInItsZone() throws Exception {
        at("2026-05-20T12:00Z");

        Cli.Result list = cli.run("schedule");
        JsonNode json = JSON.readTree(cli.run("schedule", "--output", "json").out());

        assertThat(list.exitCode()).as(list.out() + list.err()).isZero();
        assertThat(list.out()).containsPattern("dr-drill@staging +every quarter at first Mon of month 03:00 UTC"
                + " +2026-07-06 03:00 UTC +-\n");
        assertThat(list.out()).containsPattern("rotate-logs@production +at Sun 04:00 Europe/Berlin +2026-05-24 04:00"
                + " CEST +-\n");
        assertThat(json.get(0).path("next").asText()).isEqualTo("2026-07-06T03:00:00Z");
        assertThat(json.get(0).path("due").asBoolean()).isFalse();
    }

    @Test
    void runDueRunsAScheduleOnceWhenItsTimeHasComeAndNotForTimesBeforeItWasKnown() throws Exception {
        at("2026-05-20T12:00Z");
        Cli.Result first = cli.run("schedule", "run-due");
        at("2026-07-06T03:05Z");
        Cli.Result due = cli.run("schedule", "run-due", "--env", "staging");
        Cli.Result again = cli.run("schedule", "run-due", "--env", "staging");
        Cli.Result list = cli.run("schedule");
        JsonNode runs = JSON.readTree(cli.run("runs", "--output", "json").out());
        Cli.Result audit = cli.run("audit");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("[new]  dr-drill@staging  first seen; runs from 2026-07-06 03:00 UTC",
                "[new]  rotate-logs@production  first seen; runs from 2026-05-24 04:00 CEST");
        assertThat(due.exitCode()).as(due.out() + due.err()).isZero();
        assertThat(due.out()).containsPattern("\\[ok\\]   dr-drill@staging  due 2026-07-06 03:00 UTC: run \\S+"
                + " succeeded");
        assertThat(due.out()).doesNotContain("rotate-logs");
        assertThat(again.out()).contains("[wait] dr-drill@staging  not due; next 2026-10-05 03:00 UTC");
        assertThat(file("drills")).isEqualTo("drill in staging\n");
        assertThat(file("rotations")).isEmpty();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("procedureName").asText()).isEqualTo("dr-drill");
        assertThat(audit.out()).contains("schedule run-due", "env=staging");
        assertThat(list.out()).containsPattern("dr-drill@staging .* 2026-10-05 03:00 UTC +run "
                + runs.get(0).path("id").asText());
    }

    @Test
    void runDueWithAnUnknownEnvironmentSaysWhichOnesHaveSchedules() {
        Cli.Result result = cli.run("schedule", "run-due", "--env", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no environment named 'prod'", "schedules run in: staging, production");
    }

    @Test
    void aScheduleOfAnUnknownProcedureIsRefusedByValidate() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK.replace("- procedure: dr-drill", "- procedure: dr-dril"));

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("shipshape.yaml:19:16: schedules[0].procedure: no procedure named"
                + " 'dr-dril' in procedures (did you mean 'dr-drill'?)");
    }
}
