package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A maintenance window on the last Sunday of the month, through plan and validate. */
class MonthlyWindowTest {

    private static final String RUNBOOK = """
            service: shop-api
            environments:
              production:
                windows:
                  timezone: Europe/Berlin
                  allow: ["last Sun of month 02:00-04:00", "first Mon of month"]
            stages:
              - name: deploy
                steps:
                  - run: echo ${version}
            """;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    @Test
    void planOutsideTheWindowNamesNextMonthsLastSunday() {
        Cli.Result plan = cli.run("plan", "--env", "production", "--version", "v1", "--at", "2026-04-07T12:00+02:00");

        assertThat(plan.exitCode()).isEqualTo(5);
        assertThat(plan.out()).contains("next window opens Sun 2026-04-26 02:00 CEST");
    }

    @Test
    void planOnTheFirstMondayPasses() {
        Cli.Result plan = cli.run("plan", "--env", "production", "--version", "v1", "--at", "2026-05-04T15:00+02:00");

        assertThat(plan.exitCode()).as(plan.out()).isZero();
        assertThat(plan.out()).contains("inside the allowed window \"first Mon of month\"");
    }

    @Test
    void aMisspeltOrdinalDayIsRefusedWithItsPlace() throws Exception {
        cli.write("shipshape.yaml", RUNBOOK.replace("last Sun of month", "last Snu of month"));

        Cli.Result validate = cli.run("validate");

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("shipshape.yaml:6:15: environments.production.windows.allow[0]: 'Snu' is"
                + " not a day");
    }
}
