package dev.shipshape.schedules;

import dev.shipshape.runbook.Schedule;
import dev.shipshape.runbook.Schedule.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a schedule's procedure is due, in the schedule's time zone: a calendar schedule at the first time in each
 * period that its {@code at} allows, an interval schedule {@code every} after the last run (then at the next time
 * {@code at} allows), an {@code at}-only schedule on every day it allows. A time in a daylight-saving gap moves to
 * the first instant after it, as the clock on the wall does.
 */
public final class ScheduleTimes {

    private static final int HORIZON_DAYS = 5 * 366;

    private ScheduleTimes() {
    }

    /** The first time strictly after {@code after} the schedule is due; empty when none within five years. */
    public static Optional<Instant> next(Schedule s, Instant after) {
        if (s.interval() != null) {
            Instant earliest = after.plus(s.interval());
            return s.days() == null && s.minute() == null ? Optional.of(earliest) : firstAllowed(s, earliest);
        }
        Cadence cadence = s.cadence() == null ? Cadence.DAY : s.cadence();
        LocalDate start = start(cadence, after.atZone(s.zone()).toLocalDate());
        for (int n = 0; n < HORIZON_DAYS; n++) {
            Optional<Instant> first = firstInPeriod(s, start, end(cadence, start));
            if (first.isPresent() && first.get().isAfter(after)) {
                return first;
            }
            start = end(cadence, start);
            if (start.isAfter(after.atZone(s.zone()).toLocalDate().plusDays(HORIZON_DAYS))) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The latest due time after {@code last} and at or before {@code now}, or empty when none is. */
    public static Optional<Instant> latestDue(Schedule s, Instant last, Instant now) {
        Optional<Instant> due = next(s, last);
        if (due.isEmpty() || due.get().isAfter(now)) {
            return Optional.empty();
        }
        if (s.interval() != null) {
            return Optional.of(now);
        }
        Instant latest = due.get();
        for (Optional<Instant> t = next(s, latest); t.isPresent() && !t.get().isAfter(now); t = next(s, latest)) {
            latest = t.get();
        }
        return Optional.of(latest);
    }

    private static Optional<Instant> firstInPeriod(Schedule s, LocalDate from, LocalDate until) {
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            if (allows(s, d)) {
                return Optional.of(at(s, d));
            }
        }
        return Optional.empty();
    }

    /** The first allowed time at or after {@code earliest} (interval schedules with {@code at}). */
    private static Optional<Instant> firstAllowed(Schedule s, Instant earliest) {
        LocalDate day = earliest.atZone(s.zone()).toLocalDate();
        for (int n = 0; n <= HORIZON_DAYS; n++, day = day.plusDays(1)) {
            if (allows(s, day)) {
                Instant t = s.minute() == null && n == 0 ? earliest : at(s, day);
                if (!t.isBefore(earliest)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean allows(Schedule s, LocalDate d) {
        return s.days() == null || s.days().covers(d.atStartOfDay());
    }

    private static Instant at(Schedule s, LocalDate d) {
        int minute = s.minute() == null ? 0 : s.minute();
        return LocalDateTime.of(d, LocalTime.ofSecondOfDay(minute * 60L)).atZone(s.zone()).toInstant();
    }

    private static LocalDate start(Cadence cadence, LocalDate d) {
        return switch (cadence) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> d.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    private static LocalDate end(Cadence cadence, LocalDate start) {
        return switch (cadence) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }
}
