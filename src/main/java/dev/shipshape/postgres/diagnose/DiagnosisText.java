package dev.shipshape.postgres.diagnose;

import java.util.ArrayList;
import java.util.List;

/** A diagnosis as lines for a terminal or a step's output. */
public final class DiagnosisText {

    private DiagnosisText() {
    }

    public static List<String> lines(Diagnosis d) {
        List<String> out = new ArrayList<>();
        out.add("connections: " + d.connections() + " of max_connections " + d.maxConnections() + " ("
                + d.connectionPercent() + "%)");
        out.add("active queries: " + d.active().size());
        d.longRunning().forEach(s -> out.add("  long-running: pid " + s.pid() + " (" + s.user() + ", "
                + s.seconds() + "s): " + oneLine(s.query())));
        out.add("blocked: " + d.blocks().size());
        d.blocks().forEach(b -> out.add("  pid " + b.blockedPid() + " waits " + b.waitingSeconds() + "s for pid "
                + b.blockingPid() + " (" + b.blockingState() + ": " + oneLine(b.blockingQuery()) + "): "
                + oneLine(b.blockedQuery())));
        out.add("idle in transaction: " + d.idleInTransaction().size());
        d.idleInTransaction().forEach(s -> out.add("  pid " + s.pid() + " (" + s.user() + ") idle for "
                + s.seconds() + "s after: " + oneLine(s.query())));
        if (d.slowStatements() == null) {
            out.add("slow statements: skipped (pg_stat_statements is not installed)");
        } else {
            out.add("slow statements (by total time):");
            d.slowStatements().forEach(s -> out.add(String.format("  %.1f ms total, %d calls, %.1f ms mean: %s",
                    s.totalMs(), s.calls(), s.meanMs(), oneLine(s.query()))));
        }
        return out;
    }

    private static String oneLine(String query) {
        return query == null ? "" : query.strip().replaceAll("\\s+", " ");
    }
}
