package dev.shipshape.postgres.backup;

import dev.shipshape.postgres.BackupManifest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which backups a retention policy deletes: beyond the newest {@code keep}, or older than
 * {@code maxAge}; never the newest valid backup (it may be the only one) and never one a run that
 * has not finished still references. Pure, so the decision is tested apart from deleting.
 */
public final class Retention {

    /** A backup to delete and why. */
    public record Deletion(BackupManifest backup, String reason) {
    }

    private Retention() {
    }

    /** @param newestFirst valid backups, newest first */
    public static List<Deletion> decide(List<BackupManifest> newestFirst, Integer keep, Duration maxAge, Instant now,
                                        Set<String> held) {
        List<Deletion> out = new ArrayList<>();
        for (int i = 1; i < newestFirst.size(); i++) {
            BackupManifest b = newestFirst.get(i);
            if (held.contains(b.id())) {
                continue;
            }
            if (keep != null && i >= keep) {
                out.add(new Deletion(b, "beyond the newest " + keep));
            } else if (maxAge != null && b.startedAt().plus(maxAge).isBefore(now)) {
                out.add(new Deletion(b, "older than " + dev.shipshape.runbook.Durations.format(maxAge)));
            }
        }
        return out;
    }
}
