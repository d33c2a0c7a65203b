import dev.shipshape.gates.windows.WindowGate;
import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.runbook.gates.WindowSyntax;
import dev.shipshape.runbook.gates.Windows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Times window decisions: the pinned production windows, and a worst case whose next window never opens. */
public class WindowGateBench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Windows pinned = windows(List.of("Mon-Thu 10:00-16:00"), List.of("2026-01-28..2026-01-30", "Fri 14:00-24:00"));
        Windows never = windows(List.of("2020-01-01 10:00-11:00"), List.of("Fri 14:00-24:00", "Sat-Sun"));
        Instant blackout = Instant.parse("2026-01-29T18:00:00Z");
        time("pinned, in the event blackout (next window 4 days later)", pinned, blackout, rounds);
        time("worst case: no window opens within the 400-day horizon", never, blackout, Math.max(1, rounds / 20));
    }

    static Windows windows(List<String> allow, List<String> deny) {
        return new Windows(ZoneId.of("America/Los_Angeles"), allow.stream().map(WindowSyntax::parse).toList(),
                deny.stream().map(WindowSyntax::parse).toList(), List.of(), List.of(), null, Approvals.none());
    }

    static void time(String what, Windows w, Instant at, int rounds) {
        for (int i = 0; i < rounds; i++) {
            WindowGate.decide(w, at); // warm up
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            WindowGate.decide(w, at);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / rounds;
        System.out.printf("%-60s %10.1f µs per decision (%d decisions)%n", what, micros, rounds);
    }
}
