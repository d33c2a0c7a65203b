package dev.shipshape.gates.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.Verdict;
import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.runbook.gates.WindowRule;
import dev.shipshape.runbook.gates.WindowSyntax;
import dev.shipshape.runbook.gates.Windows;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WindowGateTest {

    /** The pinned production windows of seed 000. */
    private static final Windows PRODUCTION = windows("America/Los_Angeles", List.of("Mon-Thu 10:00-16:00"),
            List.of("2026-01-28..2026-01-30", "Fri 14:00-24:00"), List.of(), List.of(), null);

    private static Windows windows(String zone, List<String> allow, List<String> deny, List<String> holidays,
                                   List<String> maintenance, Duration waitFor) {
        return new Windows(ZoneId.of(zone), rules(allow), rules(deny), rules(holidays), rules(maintenance), waitFor,
                Approvals.none());
    }

    private static List<WindowRule> rules(List<String> texts) {
        return texts.stream().map(WindowSyntax::parse).toList();
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void allowsATuesdayMorningInsideTheWindow() {
        GateResult result = WindowGate.decide(PRODUCTION, at("2026-01-27T11:00-08:00"));

        assertThat(result).isEqualTo(GateResult.pass("window",
                "Tue 2026-01-27 11:00 PST is inside the allowed window \"Mon-Thu 10:00-16:00\""));
    }

    @Test
    void theEventBlackoutBlocksAndNamesTheNextWindow() {
        GateResult result = WindowGate.decide(PRODUCTION, at("2026-01-29T10:00-08:00"));

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(result.reason()).isEqualTo("Thu 2026-01-29 10:00 PST is inside the denied window"
                + " \"2026-01-28..2026-01-30\"; next window opens Mon 2026-02-02 10:00 PST");
        assertThat(result.opensAt()).isEqualTo(at("2026-02-02T10:00-08:00"));
    }

    @Test
    void fridayAfternoonIsDenied() {
        GateResult result = WindowGate.decide(PRODUCTION, at("2026-01-23T15:30-08:00"));

        assertThat(result.reason()).isEqualTo("Fri 2026-01-23 15:30 PST is inside the denied window"
                + " \"Fri 14:00-24:00\"; next window opens Mon 2026-01-26 10:00 PST");
    }

    @Test
    void theSameInstantIsJudgedInEachEnvironmentsOwnTimeZone() {
        Instant instant = at("2026-01-27T19:30Z");
        Windows berlin = windows("Europe/Berlin", List.of("Mon-Thu 10:00-16:00"), List.of(), List.of(), List.of(),
                null);

        assertThat(WindowGate.decide(PRODUCTION, instant).reason())
                .isEqualTo("Tue 2026-01-27 11:30 PST is inside the allowed window \"Mon-Thu 10:00-16:00\"");
        assertThat(WindowGate.decide(berlin, instant).reason()).isEqualTo("Tue 2026-01-27 20:30 CET is outside the"
                + " allowed windows \"Mon-Thu 10:00-16:00\"; next window opens Wed 2026-01-28 10:00 CET");
    }

    @Test
    void theNextWindowAfterTheSpringDaylightSavingChangeOpensInLocalTime() {
        // Los Angeles moves from PST (-08:00) to PDT (-07:00) on Sunday 2026-03-08.
        GateResult result = WindowGate.decide(PRODUCTION, at("2026-03-06T17:00-08:00"));

        assertThat(result.opensAt()).isEqualTo(at("2026-03-09T10:00-07:00"));
        assertThat(result.reason()).endsWith("next window opens Mon 2026-03-09 10:00 PDT");
        assertThat(WindowGate.decide(PRODUCTION, at("2026-03-09T10:00-07:00")).verdict()).isEqualTo(Verdict.PASS);
        assertThat(WindowGate.decide(PRODUCTION, at("2026-03-09T09:30-07:00")).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void aWindowStartingInsideTheSkippedHourOpensWhenTheClocksHaveJumped() {
        Windows night = windows("America/Los_Angeles", List.of("Sun 02:30-04:00"), List.of(), List.of(), List.of(),
                null);

        GateResult result = WindowGate.decide(night, at("2026-03-08T01:00-08:00"));

        assertThat(result.opensAt()).isEqualTo(at("2026-03-08T03:30-07:00"));
    }

    @Test
    void theRepeatedHourInAutumnIsInsideTheWindowBothTimes() {
        Windows night = windows("America/Los_Angeles", List.of("Sun 01:00-02:00"), List.of(), List.of(), List.of(),
                null);

        assertThat(Stream.of("2026-11-01T01:30-07:00", "2026-11-01T01:30-08:00")
                .map(t -> WindowGate.decide(night, at(t)).verdict())).containsOnly(Verdict.PASS);
        assertThat(WindowGate.decide(night, at("2026-11-01T02:00-08:00")).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void waitsWhenTheNextWindowOpensWithinTheWaitingLimit() {
        Windows waiting = windows("America/Los_Angeles", List.of("Mon-Thu 10:00-16:00"), List.of(), List.of(),
                List.of(), Duration.ofHours(2));

        GateResult soon = WindowGate.decide(waiting, at("2026-01-26T09:00-08:00"));
        GateResult tooLate = WindowGate.decide(waiting, at("2026-01-26T07:59-08:00"));

        assertThat(soon.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(soon.opensAt()).isEqualTo(at("2026-01-26T10:00-08:00"));
        assertThat(tooLate.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void holidaysAreDeniedAndMaintenanceWindowsOpenOutsideTheAllowedOnes() {
        Windows w = windows("Europe/Berlin", List.of("Mon-Fri 09:00-17:00"), List.of(), List.of("2026-12-24..2026-12-26"),
                List.of("2026-02-07 02:00-04:00"), null);

        assertThat(WindowGate.decide(w, at("2026-12-24T10:00+01:00")).reason()).isEqualTo("Thu 2026-12-24 10:00 CET"
                + " is on the holiday \"2026-12-24..2026-12-26\"; next window opens Mon 2026-12-28 09:00 CET");
        assertThat(WindowGate.decide(w, at("2026-02-07T03:00+01:00")).reason())
                .isEqualTo("Sat 2026-02-07 03:00 CET is inside the maintenance window \"2026-02-07 02:00-04:00\"");
    }
}
