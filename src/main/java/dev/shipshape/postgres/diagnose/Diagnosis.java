package dev.shipshape.postgres.diagnose;

import java.util.List;

/**
 * A snapshot of what a database is doing, for emergency procedures.
 *
 * @param slowStatements null when pg_stat_statements is not installed (the section is skipped)
 */
public record Diagnosis(int connections, int maxConnections, List<Session> active, List<Session> longRunning,
                        List<Session> idleInTransaction, List<Block> blocks, List<SlowStatement> slowStatements) {

    /** A backend: pid, who, state, for how long (seconds), what. */
    public record Session(int pid, String user, String application, String state, long seconds, String query) {
    }

    /** {@code blocked} waits for a lock that {@code blocking} holds, for {@code waitingSeconds}. */
    public record Block(int blockedPid, String blockedQuery, long waitingSeconds, int blockingPid,
                        String blockingQuery, String blockingState) {
    }

    /** A statement from pg_stat_statements by total time. */
    public record SlowStatement(String query, long calls, double meanMs, double totalMs) {
    }

    public Diagnosis {
        active = List.copyOf(active);
        longRunning = List.copyOf(longRunning);
        idleInTransaction = List.copyOf(idleInTransaction);
        blocks = List.copyOf(blocks);
        slowStatements = slowStatements == null ? null : List.copyOf(slowStatements);
    }

    public int connectionPercent() {
        return maxConnections == 0 ? 0 : Math.round(100f * connections / maxConnections);
    }
}
