package dev.shipshape.runbook.yaml;

import dev.shipshape.Suggestions;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.Procedure;
import dev.shipshape.runbook.Schedule;
import dev.shipshape.runbook.Schedule.Cadence;
import dev.shipshape.runbook.gates.WindowRule;
import dev.shipshape.runbook.gates.WindowSyntax;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code schedules:}: each a procedure of the runbook, an environment of it, and when: {@code every} (day, week,
 * month, quarter, year, or a duration such as 7d), {@code at} ({@code "first Mon of month 03:00"}: days as windows
 * write them, then a time) or both, read in {@code timezone} (default UTC).
 */
final class ScheduleReader {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final List<String> KEYS = List.of("procedure", "environment", "every", "at", "timezone");
    private static final Pattern TIME = Pattern.compile("(?:^|\\s)(\\d{1,2}):(\\d{2})$");
    private static final String FORMS = "write e.g. every: quarter, every: 7d, at: \"03:00\" or at: \"first Mon of"
            + " month 03:00\"";

    private final Values values;
    private final WindowsReader zones;

    ScheduleReader(Values values) {
        this.values = values;
        this.zones = new WindowsReader(values);
    }

    List<Schedule> schedules(Node node, String path, Map<String, Procedure> procedures, Set<String> environments) {
        List<Node> items = values.list(node, path, "a list of schedules");
        List<Schedule> schedules = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = Problems.item(path, i);
            Node item = items.get(i);
            schedule(item, itemPath, procedures, environments).ifPresent(s -> {
                if (!keys.add(s.key())) {
                    values.problems().add(item, itemPath, "procedure " + s.procedure() + " is scheduled twice in "
                            + s.environment(), "keep one schedule per procedure and environment");
                } else {
                    schedules.add(s);
                }
            });
        }
        return schedules;
    }

    private Optional<Schedule> schedule(Node node, String path, Map<String, Procedure> procedures,
                                        Set<String> environments) {
        return Fields.of(node, path, values, "a schedule (a map with procedure, environment and every or at)")
                .flatMap(f -> {
                    f.allowOnly(KEYS);
                    Optional<String> procedure = f.required("procedure").flatMap(n -> f.string("procedure"))
                            .filter(name -> known(f, "procedure", name, procedures.keySet(), "procedures"));
                    Optional<String> environment = f.required("environment").flatMap(n -> f.string("environment"))
                            .filter(name -> known(f, "environment", name, environments, "environments"));
                    ZoneId zone = f.optional("timezone").flatMap(n -> zones.zone(n, f.path("timezone")))
                            .orElse(UTC);
                    if (f.optional("every").isEmpty() && f.optional("at").isEmpty()) {
                        values.problems().add(f.mapping(), path, "a schedule needs every, at or both", FORMS);
                        return Optional.empty();
                    }
                    Optional<Object> every = f.optional("every").flatMap(n -> every(n, f.path("every")));
                    Optional<At> at = f.optional("at").flatMap(n -> at(n, f.path("at")));
                    boolean readable = (f.optional("every").isEmpty() || every.isPresent())
                            && (f.optional("at").isEmpty() || at.isPresent());
                    if (procedure.isEmpty() || environment.isEmpty() || !readable) {
                        return Optional.empty();
                    }
                    Cadence cadence = every.orElse(null) instanceof Cadence c ? c : null;
                    Duration interval = every.orElse(null) instanceof Duration d ? d : null;
                    At when = at.orElse(new At(null, null, null));
                    return Optional.of(new Schedule(procedure.get(), environment.get(), cadence, interval, when.days(),
                            when.minute(), zone, text(cadence, interval, when.text(), zone)));
                });
    }

    private boolean known(Fields f, String key, String name, Set<String> names, String section) {
        if (names.contains(name)) {
            return true;
        }
        values.problems().add(f.node(key).orElseThrow(), f.path(key), "no " + key + " named '" + name + "' in "
                + section, Suggestions.hint(name, List.copyOf(names)));
        return false;
    }

    private Optional<Object> every(Node node, String path) {
        return values.string(node, path).flatMap(text -> {
            String word = text.trim().toLowerCase(Locale.ROOT);
            for (Cadence c : Cadence.values()) {
                if (c.name().toLowerCase(Locale.ROOT).equals(word)) {
                    return Optional.of(c);
                }
            }
            Optional<Duration> d = Durations.parse(word);
            if (d.isPresent() && !d.get().isZero()) {
                return Optional.of(d.get());
            }
            values.problems().add(node, path, "'" + text + "' is not a period or a duration; use day, week, month,"
                    + " quarter, year or a duration such as 7d", Suggestions.hint(word, List.of("day", "week",
                    "month", "quarter", "year")));
            return Optional.empty();
        });
    }

    /** {@code at} read: the days (or null) and the minute of the day (or null). */
    private record At(WindowRule days, Integer minute, String text) {
    }

    private Optional<At> at(Node node, String path) {
        return values.string(node, path).flatMap(text -> {
            String trimmed = text.trim();
            Matcher time = TIME.matcher(trimmed);
            Integer minute = null;
            String dayPart = trimmed;
            if (time.find()) {
                int h = Integer.parseInt(time.group(1));
                int m = Integer.parseInt(time.group(2));
                if (h > 23 || m > 59) {
                    values.problems().add(node, path, "'" + time.group().trim() + "' is not a time of day; use 00:00 to"
                            + " 23:59", null);
                    return Optional.empty();
                }
                minute = h * 60 + m;
                dayPart = trimmed.substring(0, time.start()).trim();
            }
            try {
                WindowRule days = dayPart.isEmpty() ? null : WindowSyntax.parse(dayPart);
                if (days != null && (days.startMinute() != 0 || days.endMinute() != WindowRule.END_OF_DAY)) {
                    throw new IllegalArgumentException("at names one time, not hours; " + FORMS);
                }
                return Optional.of(new At(days, minute, trimmed));
            } catch (IllegalArgumentException e) {
                values.problems().add(node, path, e.getMessage(), null);
                return Optional.empty();
            }
        });
    }

    private static String text(Cadence cadence, Duration interval, String at, ZoneId zone) {
        String every = cadence != null ? "every " + cadence.name().toLowerCase(Locale.ROOT)
                : interval != null ? "every " + Durations.format(interval) : "";
        String when = at == null ? "" : (every.isEmpty() ? "at " : " at ") + at;
        return every + when + " " + zone.getId();
    }
}
