package dev.shipshape.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Schedule;
import dev.shipshape.runbook.yaml.RunbookLoader;
import dev.shipshape.steps.StepKinds;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** When schedules are due, in their own time zone, across month, quarter and daylight-saving changes. */
class ScheduleTimesTest {

    private static Schedule schedule(String fields) {
        Runbook rb = new RunbookLoader(StepKinds.all()).parse(Path.of("shipshape.yaml"), """
                service: shop
                environments: {staging: {}}
                stages: [{name: deploy, steps: [{run: ./deploy.sh}]}]
                procedures:
                  dr-drill:
                    description: restore the latest backup elsewhere
                    steps: [{run: ./drill.sh}]
                schedules:
                  - {procedure: dr-drill, environment: staging, %s}
                """.formatted(fields));
        return rb.schedules().getFirst();
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void aQuarterlyDrillOnTheFirstMondayRunsInJanuaryAprilJulyAndOctober() {
        Schedule s = schedule("every: quarter, at: \"first Mon of month 03:00\"");

        assertThat(ScheduleTimes.next(s, at("2026-04-06T03:00Z"))).contains(at("2026-07-06T03:00Z"));
        assertThat(ScheduleTimes.next(s, at("2026-04-06T02:59Z"))).contains(at("2026-04-06T03:00Z"));
        assertThat(ScheduleTimes.next(s, at("2026-11-15T00:00Z"))).contains(at("2027-01-04T03:00Z"));
    }

    @Test
    void aQuarterWithoutAtStartsOnItsFirstDayAtMidnight() {
        assertThat(ScheduleTimes.next(schedule("every: quarter"), at("2026-02-10T00:00Z")))
                .contains(at("2026-04-01T00:00Z"));
    }

    @Test
    void theLastSundayOfTheMonthCrossesTheMonthEndInTheSchedulesZone() {
        Schedule s = schedule("at: \"last Sun of month 02:30\", timezone: Europe/Berlin");

        assertThat(ScheduleTimes.next(s, at("2026-03-29T12:00+02:00"))).contains(at("2026-04-26T02:30+02:00"));
        // 2026-03-29 02:30 does not exist in Berlin (clocks jump from 02:00 to 03:00): it runs at 03:30 CEST
        assertThat(ScheduleTimes.next(s, at("2026-03-20T00:00Z"))).contains(at("2026-03-29T03:30+02:00"));
    }

    @Test
    void everySevenDaysIsCountedFromTheLastRunThenTakesTheNextAllowedTime() {
        Schedule plain = schedule("every: 7d");
        Schedule atThree = schedule("every: 7d, at: \"03:00\"");

        assertThat(ScheduleTimes.next(plain, at("2026-05-01T10:15Z"))).contains(at("2026-05-08T10:15Z"));
        assertThat(ScheduleTimes.next(atThree, at("2026-05-01T10:15Z"))).contains(at("2026-05-09T03:00Z"));
    }

    @Test
    void aWeeklyScheduleRunsOnTheDayItNames() {
        assertThat(ScheduleTimes.next(schedule("every: week, at: \"Fri 17:00\""), at("2026-05-04T00:00Z")))
                .contains(at("2026-05-08T17:00Z"));
    }

    @Test
    void severalMissedDueTimesCountAsTheLatestOne() {
        Schedule daily = schedule("every: day, at: \"03:00\"");

        assertThat(ScheduleTimes.latestDue(daily, at("2026-05-01T03:00Z"), at("2026-05-04T12:00Z")))
                .contains(at("2026-05-04T03:00Z"));
        assertThat(ScheduleTimes.latestDue(daily, at("2026-05-04T03:00Z"), at("2026-05-04T12:00Z"))).isEmpty();
    }
}
