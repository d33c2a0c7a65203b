package dev.shipshape.gates.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.Verdict;
import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.runbook.gates.WindowSyntax;
import dev.shipshape.runbook.gates.Windows;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows on a weekday of the month: {@code last Sun of month 02:00-04:00}, {@code first Mon}, {@code second Tue}. */
class MonthlyWindowsTest {

    private static Windows allow(String zone, String rule) {
        return new Windows(ZoneId.of(zone), List.of(WindowSyntax.parse(rule)), List.of(), List.of(), List.of(), null,
                Approvals.none());
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void theLastSundayOfTheMonthIsInsideAndTheSundayBeforeIsNot() {
        Windows w = allow("America/Los_Angeles", "last Sun of month 02:00-04:00");

        assertThat(WindowGate.decide(w, at("2026-01-25T03:00-08:00")).verdict()).isEqualTo(Verdict.PASS);
        assertThat(WindowGate.decide(w, at("2026-01-18T03:00-08:00")).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void theNextOpeningCrossesTheMonthEndToNextMonthsLastSunday() {
        GateResult result = WindowGate.decide(allow("America/Los_Angeles", "last Sun of month 02:00-04:00"),
                at("2026-01-26T09:00-08:00"));

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(result.opensAt()).isEqualTo(at("2026-02-22T02:00-08:00"));
        assertThat(result.reason()).endsWith("next window opens Sun 2026-02-22 02:00 PST");
    }

    @Test
    void aLastSundayWindowInTheSkippedHourOpensWhenTheClocksHaveJumped() {
        GateResult result = WindowGate.decide(allow("Europe/London", "last Sun of month 01:00-03:00"),
                at("2026-03-20T00:00Z"));

        assertThat(result.opensAt()).isEqualTo(at("2026-03-29T02:00+01:00"));
    }

    @Test
    void theFirstMondayIsFoundInTheWindowsZoneNotInUtc() {
        GateResult result = WindowGate.decide(allow("Asia/Tokyo", "first Mon of month 09:00-10:00"),
                at("2026-06-29T23:30Z"));

        assertThat(result.opensAt()).isEqualTo(at("2026-07-06T09:00+09:00"));
    }

    @Test
    void theSecondTuesdayIsTheOneFromTheEighthToTheFourteenth() {
        var rule = WindowSyntax.parse("second Tue 10:00-12:00");

        assertThat(rule.covers(LocalDateTime.parse("2026-02-10T11:00"))).isTrue();
        assertThat(rule.covers(LocalDateTime.parse("2026-02-03T11:00"))).isFalse();
        assertThat(rule.covers(LocalDateTime.parse("2026-02-17T11:00"))).isFalse();
        assertThat(rule.covers(LocalDateTime.parse("2026-02-10T12:00"))).isFalse();
    }

    @Test
    void aWholeDayOfTheMonthNeedsNoHours() {
        var rule = WindowSyntax.parse("first Mon of month");

        assertThat(rule.covers(LocalDateTime.parse("2026-06-01T00:00"))).isTrue();
        assertThat(rule.covers(LocalDateTime.parse("2026-06-08T00:00"))).isFalse();
    }

    @Test
    void anOrdinalWithoutAReadableDaySaysHowToWriteIt() {
        assertThatThrownBy(() -> WindowSyntax.parse("last Sunnday of month 02:00-04:00"))
                .hasMessage("'Sunnday' is not a day; write Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        assertThatThrownBy(() -> WindowSyntax.parse("last"))
                .hasMessageStartingWith("cannot read the day in window \"last\"");
    }
}
