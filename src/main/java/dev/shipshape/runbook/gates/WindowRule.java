package dev.shipshape.runbook.gates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * One window as written in a runbook: days of the week, a date range, or both, and hours within
 * them, in the time zone of its {@link Windows}; the days may be one of the month ({@code last Sun of month
 * 02:00-04:00}, {@code first Mon of month}). {@code Mon-Thu 10:00-16:00},
 * {@code 2026-01-28..2026-01-30}, {@code Fri 14:00-24:00}, {@code 2026-02-07 02:00-04:00}.
 *
 * @param text        the rule as written, quoted in reasons
 * @param days        weekdays it applies to (all seven when none were written)
 * @param from        first date it applies to, or null for any date
 * @param to          last date it applies to (inclusive), or null for any date
 * @param startMinute minute of the day it starts (0 = 00:00)
 * @param endMinute   minute of the day it ends, exclusive (1440 = 24:00)
 * @param inMonth     which of its weekday in the month a date must be ({@code first Mon of month}: 1 to 4, 5 for
 *                    fifth, {@link #LAST} for {@code last Sun of month}), or null for every one
 */
public record WindowRule(String text, Set<DayOfWeek> days, LocalDate from, LocalDate to, int startMinute,
                         int endMinute, Integer inMonth) {

    public static final int END_OF_DAY = 24 * 60;
    /** {@code last Sun of month}: the date is within the month's last seven days. */
    public static final int LAST = -1;

    public WindowRule {
        days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : Set.copyOf(days);
    }

    public WindowRule(String text, Set<DayOfWeek> days, LocalDate from, LocalDate to, int startMinute,
                      int endMinute) {
        this(text, days, from, to, startMinute, endMinute, null);
    }

    /** Whether the date is the rule's weekday of the month ({@code second Tue}: days 8 to 14; last: the final 7). */
    private boolean ofMonth(LocalDate date) {
        if (inMonth == null) {
            return true;
        }
        return inMonth == LAST ? date.getDayOfMonth() + 7 > date.lengthOfMonth()
                : (date.getDayOfMonth() - 1) / 7 + 1 == inMonth;
    }

    /** Whether a local date-time (in the windows' zone) falls inside this rule. */
    public boolean covers(LocalDateTime at) {
        LocalDate date = at.toLocalDate();
        int minute = at.getHour() * 60 + at.getMinute();
        return days.contains(at.getDayOfWeek()) && ofMonth(date)
                && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to))
                && minute >= startMinute && minute < endMinute;
    }

    /** Whether the rule can still apply on or after this date (a past date range cannot). */
    public boolean applicableFrom(LocalDate date) {
        return to == null || !to.isBefore(date);
    }

    @Override
    public String toString() {
        return text;
    }
}
