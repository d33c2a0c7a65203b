package dev.shipshape.runbook.gates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads window rules as people write them: {@code [DAYS] [DATE[..DATE]] [HH:MM-HH:MM]}, at least
 * one part. Days are {@code Mon}, {@code Mon-Thu} or {@code Mon,Wed,Fri}, or one of the month: {@code first},
 * {@code second}, {@code third}, {@code fourth}, {@code fifth} or {@code last} before them ({@code last Sun of month};
 * "of month" may be left out); a missing time range means the whole day. Windows that cross midnight are two rules (the error says so).
 */
public final class WindowSyntax {

    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final Pattern DATES = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}-\\d{2}))?");
    private static final Pattern DAYS = Pattern.compile("[A-Za-z]+([-,][A-Za-z]+)*");
    private static final String FORMS = "write e.g. \"Mon-Thu 10:00-16:00\", \"Fri 14:00-24:00\", "
            + "\"last Sun of month 02:00-04:00\" or \"2026-01-28..2026-01-30\"";
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");
    private static final Pattern OF_MONTH = Pattern.compile("(?i)^(first|second|third|fourth|fifth|last)\\s+(\\S+)"
            + "(\\s+of\\s+(?:the\\s+)?month)?(?=\\s|$)");

    private WindowSyntax() {
    }

    /**
     * @throws IllegalArgumentException with a message naming what is wrong and how to write it
     */
    public static WindowRule parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("an empty window; " + FORMS);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Integer inMonth = null;
        String rest = trimmed;
        Matcher ofMonth = OF_MONTH.matcher(trimmed);
        if (ofMonth.find()) {
            String ordinal = ofMonth.group(1).toLowerCase(Locale.ROOT);
            inMonth = ordinal.equals("last") ? WindowRule.LAST : ORDINALS.indexOf(ordinal) + 1;
            days = days(ofMonth.group(2));
            rest = trimmed.substring(ofMonth.end()).trim();
            if (rest.isEmpty()) {
                return new WindowRule(trimmed, days, null, null, 0, WindowRule.END_OF_DAY, inMonth);
            }
        } else if (trimmed.matches("(?i)^(first|second|third|fourth|fifth|last)\\b.*")) {
            throw new IllegalArgumentException("cannot read the day in window \"" + trimmed + "\"; write e.g. \"last Sun"
                    + " of month 02:00-04:00\" or \"first Mon of month\"");
        }
        LocalDate from = null;
        LocalDate to = null;
        int start = 0;
        int end = WindowRule.END_OF_DAY;
        boolean hoursSeen = false;
        for (String part : rest.split("\\s+")) {
            Matcher hours = HOURS.matcher(part);
            Matcher dates = DATES.matcher(part);
            if (hours.matches() && !hoursSeen) {
                start = minute(hours.group(1), hours.group(2), part);
                end = minute(hours.group(3), hours.group(4), part);
                hoursSeen = true;
            } else if (dates.matches() && from == null) {
                from = date(dates.group(1));
                to = dates.group(2) == null ? from : date(dates.group(2));
            } else if (DAYS.matcher(part).matches() && days.isEmpty() && inMonth == null) {
                days = days(part);
            } else {
                throw new IllegalArgumentException("cannot read '" + part + "' in window \"" + trimmed + "\"; "
                        + FORMS);
            }
        }
        if (end <= start) {
            throw new IllegalArgumentException("window \"" + trimmed + "\" ends (" + clock(end) + ") before it starts ("
                    + clock(start) + "); split a window that crosses midnight into two, e.g. \"Fri 22:00-24:00\" and"
                    + " \"Sat 00:00-02:00\"");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("window \"" + trimmed + "\" ends (" + to + ") before it starts ("
                    + from + ")");
        }
        return new WindowRule(trimmed, days, from, to, start, end, inMonth);
    }

    /** A minute of the day as HH:MM (1440 as 24:00). */
    public static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    private static int minute(String h, String m, String part) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour > 24 || minute > 59 || hour == 24 && minute > 0) {
            throw new IllegalArgumentException("'" + part + "' has a time that is not a time of day; use 00:00 to "
                    + "24:00");
        }
        return hour * 60 + minute;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; write YYYY-MM-DD");
        }
    }

    private static Set<DayOfWeek> days(String part) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : part.split(",")) {
            String[] range = item.split("-");
            if (range.length > 2) {
                throw new IllegalArgumentException("'" + item + "' is not a day range; write e.g. Mon-Thu");
            }
            int first = day(range[0]);
            int last = range.length == 2 ? day(range[1]) : first;
            for (int d = first; ; d = (d + 1) % 7) {
                days.add(DayOfWeek.of(d + 1));
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String name) {
        String key = name.length() >= 3 ? name.substring(0, 3).toLowerCase(Locale.ROOT) : name;
        int index = DAY_NAMES.indexOf(key);
        if (index < 0 || !(name.length() == 3 || DayOfWeek.of(index + 1).name().equalsIgnoreCase(name))) {
            throw new IllegalArgumentException("'" + name + "' is not a day; write Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        }
        return index;
    }
}
