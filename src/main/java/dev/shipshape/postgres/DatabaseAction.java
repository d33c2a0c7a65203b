package dev.shipshape.postgres;

import java.time.Instant;

/**
 * Something done to a database, as recorded: {@code restore}, {@code migrate},
 * {@code migration_failed_restore}, {@code migration_failed_stop}, {@code cancel}, {@code terminate},
 * {@code allow_unsafe}.
 *
 * @param target  what it acted on: a backup id, a backend pid, a migration file
 * @param runId   the run it belongs to, or null when done from the command line
 */
public record DatabaseAction(String service, String environment, String kind, String target, String by,
                             String reason, String outcome, String runId, Instant at) {
}
