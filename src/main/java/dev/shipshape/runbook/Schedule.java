package dev.shipshape.runbook;

import dev.shipshape.runbook.gates.WindowRule;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A procedure run on a schedule ({@code schedules:}): {@code every: quarter} (or day, week, month, year) runs it at the
 * first time in each such period that {@code at} allows; {@code every: 7d} runs it that long after its last run (at
 * the next time {@code at} allows, when given); {@code at} alone runs it on every day it allows
 * ({@code at: "first Mon of month 03:00"}).
 *
 * @param procedure   the procedure's name
 * @param environment the environment it runs in
 * @param cadence     the calendar period it runs once in, or null
 * @param interval    the time from one run to the next, or null
 * @param days        the days {@code at} allows (window syntax without hours), or null for every day
 * @param minute      the minute of the day {@code at} names, or null (midnight for calendar schedules)
 * @param zone        the time zone {@code at} and the periods are read in ({@code timezone:}, default UTC)
 * @param text        how the schedule is shown: {@code every quarter at first Mon of month 03:00}
 */
public record Schedule(String procedure, String environment, Cadence cadence, Duration interval, WindowRule days,
                       Integer minute, ZoneId zone, String text) {

    /** The periods a calendar schedule runs once in. */
    public enum Cadence { DAY, WEEK, MONTH, QUARTER, YEAR }

    /** How the store and the CLI name it: {@code dr-drill@staging}. */
    public String key() {
        return procedure + "@" + environment;
    }
}
