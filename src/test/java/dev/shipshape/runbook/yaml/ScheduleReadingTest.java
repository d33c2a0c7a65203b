package dev.shipshape.runbook.yaml;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.Schedule;
import org.junit.jupiter.api.Test;

/** {@code schedules:} names procedures and environments of the runbook, and when they run. */
class ScheduleReadingTest {

    private static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages: [{name: build, steps: [{run: make}]}]
            procedures:
              dr-drill:
                description: restore the latest backup elsewhere
                steps: [{run: ./drill.sh}]
            schedules:
            """;

    @Test
    void aQuarterlyDrillIsReadWithHowItIsShown() {
        Schedule s = load(RUNBOOK + """
                  - procedure: dr-drill
                    environment: staging
                    every: quarter
                    at: first Mon of month 03:00
                """).schedules().getFirst();

        assertThat(s.key()).isEqualTo("dr-drill@staging");
        assertThat(s.cadence()).isEqualTo(Schedule.Cadence.QUARTER);
        assertThat(s.minute()).isEqualTo(180);
        assertThat(s.text()).isEqualTo("every quarter at first Mon of month 03:00 UTC");
    }

    @Test
    void unknownProceduresEnvironmentsAndPeriodsAreRefusedWhereTheyAreWritten() {
        assertThat(problems(RUNBOOK + """
                  - {procedure: dr-dril, environment: stagin, every: quartr}
                  - {procedure: dr-drill, environment: staging, at: "first Mon 25:00"}
                  - {procedure: dr-drill, environment: staging}
                """)).containsExactly(
                "bad.yaml:10:17: schedules[0].procedure: no procedure named 'dr-dril' in procedures (did you mean"
                        + " 'dr-drill'?)",
                "bad.yaml:10:39: schedules[0].environment: no environment named 'stagin' in environments (did you mean"
                        + " 'staging'?)",
                "bad.yaml:10:54: schedules[0].every: 'quartr' is not a period or a duration; use day, week, month,"
                        + " quarter, year or a duration such as 7d (did you mean 'quarter'?)",
                "bad.yaml:11:53: schedules[1].at: '25:00' is not a time of day; use 00:00 to 23:59",
                "bad.yaml:12:5: schedules[2]: a schedule needs every, at or both (write e.g. every: quarter, every: 7d,"
                        + " at: \"03:00\" or at: \"first Mon of month 03:00\")");
    }

    @Test
    void aProcedureScheduledTwiceInOneEnvironmentIsRefused() {
        assertThat(problems(RUNBOOK + """
                  - {procedure: dr-drill, environment: staging, every: quarter}
                  - {procedure: dr-drill, environment: staging, every: 7d}
                """)).containsExactly("bad.yaml:11:5: schedules[1]: procedure dr-drill is scheduled twice in staging"
                + " (keep one schedule per procedure and environment)");
    }
}
