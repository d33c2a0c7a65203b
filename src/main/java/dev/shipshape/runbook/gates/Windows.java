package dev.shipshape.runbook.gates;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * When a deployment to an environment may start.
 *
 * @param zone        the time zone every rule is read in (daylight saving included)
 * @param allow       allowed windows; empty = any time that is not denied
 * @param deny        blackouts (events, "Fri 14:00-24:00"); a deny always wins
 * @param holidays    whole days denied, as dates or date ranges
 * @param maintenance announced windows in which deploying is allowed even outside {@code allow}
 * @param waitFor     how long a run may wait for the next window instead of refusing; null = refuse
 * @param override    what an emergency override needs besides a reason
 */
public record Windows(ZoneId zone, List<WindowRule> allow, List<WindowRule> deny, List<WindowRule> holidays,
                      List<WindowRule> maintenance, Duration waitFor, Approvals override) {

    public Windows {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        holidays = List.copyOf(holidays);
        maintenance = List.copyOf(maintenance);
    }
}
