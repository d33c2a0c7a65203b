package dev.shipshape.gates.windows;

import dev.shipshape.runbook.gates.WindowRule;
import dev.shipshape.runbook.gates.Windows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the first instant after now at which the windows are open. Windows open and close only at
 * the edges of rules, so only those minutes of each day are tried; a local time that does not
 * exist (a daylight-saving gap) moves to the first instant after the gap, as the clock on the wall
 * does.
 */
final class NextOpening {

    private static final int HORIZON_DAYS = 400;

    private NextOpening() {
    }

    static Optional<Instant> after(Windows w, Instant now) {
        TreeSet<Integer> edges = edges(w);
        LocalDate today = now.atZone(w.zone()).toLocalDate();
        for (int d = 0; d <= HORIZON_DAYS; d++) {
            LocalDate date = today.plusDays(d);
            for (int minute : edges) {
                Instant candidate = LocalDateTime.of(date, LocalTime.ofSecondOfDay(minute * 60L))
                        .atZone(w.zone()).toInstant();
                LocalDateTime onTheWall = candidate.atZone(w.zone()).toLocalDateTime();
                if (candidate.isAfter(now) && WindowGate.closedBy(w, onTheWall).isEmpty()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static TreeSet<Integer> edges(Windows w) {
        TreeSet<Integer> edges = new TreeSet<>();
        edges.add(0);
        Stream.of(w.allow(), w.deny(), w.holidays(), w.maintenance()).flatMap(java.util.List::stream)
                .forEach(r -> {
                    edges.add(r.startMinute());
                    if (r.endMinute() < WindowRule.END_OF_DAY) {
                        edges.add(r.endMinute());
                    }
                });
        return edges;
    }
}
