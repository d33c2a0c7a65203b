package dev.shipshape.gates.windows;

import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.Verdict;
import dev.shipshape.runbook.gates.WindowRule;
import dev.shipshape.runbook.gates.Windows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a deployment may start at an instant under an environment's windows: a deny or
 * holiday always wins, then an allowed or maintenance window lets it start; when it may not, says
 * when the next window opens (and whether to wait for it). Pure: the instant is an argument.
 */
public final class WindowGate {

    public static final String NAME = "window";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz",
            Locale.ENGLISH);

    private WindowGate() {
    }

    public static GateResult decide(Windows windows, Instant now) {
        LocalDateTime local = now.atZone(windows.zone()).toLocalDateTime();
        String at = show(now, windows);
        Optional<String> closed = closedBy(windows, local);
        if (closed.isEmpty()) {
            return GateResult.pass(NAME, at + " is inside " + openedBy(windows, local));
        }
        Optional<Instant> opens = NextOpening.after(windows, now);
        String next = opens.map(o -> "; next window opens " + show(o, windows))
                .orElse("; no window opens in the next year");
        Verdict verdict = opens.isPresent() && windows.waitFor() != null
                && !Duration.between(now, opens.get()).minus(windows.waitFor()).isPositive() ? Verdict.WAIT
                : Verdict.BLOCK;
        return new GateResult(NAME, verdict, at + " is " + closed.get() + next, opens.orElse(null));
    }

    /** An instant as people in the windows' zone read it: {@code Thu 2026-01-29 10:00 PST}. */
    public static String show(Instant instant, Windows windows) {
        return SHOWN.format(instant.atZone(windows.zone()));
    }

    /** Why the windows are closed at this local time, or empty when they are open. */
    static Optional<String> closedBy(Windows w, LocalDateTime local) {
        for (WindowRule rule : w.deny()) {
            if (rule.covers(local)) {
                return Optional.of("inside the denied window \"" + rule + "\"");
            }
        }
        for (WindowRule rule : w.holidays()) {
            if (rule.covers(local)) {
                return Optional.of("on the holiday \"" + rule + "\"");
            }
        }
        if (w.allow().isEmpty() || w.allow().stream().anyMatch(r -> r.covers(local))
                || w.maintenance().stream().anyMatch(r -> r.covers(local))) {
            return Optional.empty();
        }
        return Optional.of("outside the allowed windows " + quoted(w));
    }

    private static String openedBy(Windows w, LocalDateTime local) {
        return w.allow().stream().filter(r -> r.covers(local)).findFirst()
                .map(r -> "the allowed window \"" + r + "\"")
                .or(() -> w.maintenance().stream().filter(r -> r.covers(local)).findFirst()
                        .map(r -> "the maintenance window \"" + r + "\""))
                .orElse("no denied window");
    }

    private static String quoted(Windows w) {
        return String.join(", ", w.allow().stream().map(r -> "\"" + r + "\"").toList());
    }
}
