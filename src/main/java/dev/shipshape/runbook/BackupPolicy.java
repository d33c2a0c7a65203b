package dev.shipshape.runbook;

import java.time.Duration;

/**
 * How an environment's database is backed up ({@code database.backup}). Declaring one also means
 * "back up automatically before applying migrations".
 *
 * @param folder  where backups go, relative to the runbook; null = {@code .shipshape/backups/SERVICE/ENV}
 * @param format  {@code custom} (one compressed file) or {@code directory} (parallel dump with {@code jobs})
 * @param jobs    parallel jobs for a directory dump and for restores (1 = serial)
 * @param keep    keep at most this many valid backups; null = no count limit
 * @param maxAge  delete backups older than this; null = no age limit
 */
public record BackupPolicy(String folder, Format format, int jobs, Integer keep, Duration maxAge) {

    /** pg_dump's output format. */
    public enum Format { CUSTOM, DIRECTORY }

    public BackupPolicy {
        format = format == null ? Format.CUSTOM : format;
        jobs = Math.max(1, jobs);
    }

    /** Custom format, serial, nothing ever deleted. */
    public static BackupPolicy defaults() {
        return new BackupPolicy(null, Format.CUSTOM, 1, null, null);
    }
}
