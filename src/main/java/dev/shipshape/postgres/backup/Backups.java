package dev.shipshape.postgres.backup;

import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.ChildProcess;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.ServerFacts;
import dev.shipshape.runbook.BackupPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes backups with pg_dump and applies the retention policy. A custom-format dump is streamed from
 * pg_dump's stdout to its file and checksummed on the way; a directory dump is checksummed after. The
 * backup is published (renamed, manifest written, marked valid in the store) only after pg_dump exited
 * 0 and its checksum was computed; on any failure every file it wrote (dump, manifest, claim) is removed and the attempt is recorded as failed.
 */
public final class Backups {

    private final DatabaseWork work;
    private final BackupFolder folder;

    public Backups(DatabaseWork work) {
        this.work = work;
        this.folder = new BackupFolder(work.backupFolder());
    }

    public BackupFolder folder() {
        return folder;
    }

    /** Takes one backup; {@code label} is kept in its manifest. */
    public BackupManifest take(String label) {
        ServerFacts facts = facts();
        Path pgDump = work.tools().find("pg_dump", facts.major());
        Instant start = work.clock().instant();
        String id = folder.claim(start);
        work.records().backupStarted(id, work.service(), work.environment(), work.runId(), start);
        Path partial = folder.partial(id);
        work.say("backing up " + work.address() + " to " + folder.path().resolve(id) + " ...");
        BackupPolicy policy = work.backupPolicy();
        boolean directory = policy.format() == BackupPolicy.Format.DIRECTORY;
        Dumped dumped = directory ? dumpDirectory(id, pgDump, partial) : dumpStreamed(id, pgDump, partial);
        long millis = Duration.between(start, work.clock().instant()).toMillis();
        BackupManifest manifest;
        try {
            manifest = new BackupManifest(id, work.service(), work.environment(),
                    work.address().database(), facts.serverVersion(), facts.schemaVersion(),
                    policy.format().name().toLowerCase(java.util.Locale.ROOT),
                    id + (directory ? ".dir" : ".dump"),
                    directory ? Checksum.sizeOf(partial) : dumped.size(),
                    directory ? Checksum.of(partial) : dumped.sha256(), start, millis, work.runId(), label);
            folder.publish(partial, manifest);
        } catch (IOException | java.io.UncheckedIOException e) {
            // Checksumming or publishing failed: the backup is recorded as failed, never left "running".
            throw failed(id, "could not checksum or publish it: " + e.getMessage());
        }
        work.records().backupValid(manifest);
        work.say("backup " + id + " valid: " + manifest.sizeBytes() + " bytes, sha256 " + manifest.sha256());
        applyRetention();
        return manifest;
    }

    /** A streamed dump's size and checksum; null for a directory dump, checksummed after pg_dump. */
    private record Dumped(long size, String sha256) {
    }

    private Dumped dumpDirectory(String id, Path pgDump, Path partial) {
        ChildProcess.Result result = work.tools().programs().run(argv(pgDump, partial), work.address().childEnvironment(),
                null, work.timeout(), work.cancelled());
        if (!result.succeeded()) {
            throw failed(id, why(result));
        }
        return null;
    }

    /** pg_dump writes the custom format to stdout; the file and its checksum are written as it comes. */
    private Dumped dumpStreamed(String id, Path pgDump, Path partial) {
        ChildProcess.Result result;
        StreamedDump dump;
        try (StreamedDump sink = StreamedDump.to(partial)) {
            dump = sink;
            result = work.tools().programs().streamed(argv(pgDump, null), work.address().childEnvironment(), work.timeout(),
                    work.cancelled(), sink);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw failed(id, "could not write the dump to " + partial + ": " + e.getMessage());
        }
        if (!result.succeeded()) {
            throw failed(id, why(result));
        }
        return new Dumped(dump.size(), dump.sha256());
    }

    private ServerFacts facts() {
        try (Connection c = work.address().connect()) {
            return ServerFacts.of(c);
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read the server version of " + work.address() + ": "
                    + work.address().redact(e.getMessage()));
        }
    }

    private List<String> argv(Path pgDump, Path partial) {
        BackupPolicy policy = work.backupPolicy();
        List<String> argv = new ArrayList<>(List.of(pgDump.toString(), "--no-password"));
        if (partial != null) {
            argv.addAll(List.of("--file", partial.toString()));
        }
        if (policy.format() == BackupPolicy.Format.DIRECTORY) {
            argv.addAll(List.of("--format=directory", "--jobs=" + policy.jobs()));
        } else {
            argv.add("--format=custom");
        }
        return argv;
    }

    private String why(ChildProcess.Result result) {
        if (result.timedOut()) {
            return "pg_dump timed out after " + dev.shipshape.runbook.Durations.format(work.timeout());
        }
        if (result.cancelled()) {
            return "cancelled";
        }
        return "pg_dump exited with " + result.exitCode() + ": " + lastLines(work.address().redact(result.output()));
    }

    static String lastLines(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip();
    }

    private ShipshapeException failed(String id, String reason) {
        try {
            folder.discard(id);
        } catch (java.io.UncheckedIOException e) {
            reason += " (and some of its files could not be removed: " + e.getCause().getMessage()
                    + "; 'shipshape db backups --all' lists them)";
        }
        work.records().backupFailed(id, reason);
        return new ShipshapeException(Code.FAILED, "backup " + id + " of " + work.address() + " failed: " + reason
                + "; no backup was marked valid");
    }

    /** Deletes what the policy says may go; returns what was deleted and why. */
    public List<Retention.Deletion> applyRetention() {
        BackupPolicy policy = work.backupPolicy();
        if (policy.keep() == null && policy.maxAge() == null) {
            return List.of();
        }
        List<Retention.Deletion> deletions = Retention.decide(folder.list(), policy.keep(), policy.maxAge(),
                work.clock().instant(), work.records().heldByUnfinishedRuns(work.service(), work.environment()));
        for (Retention.Deletion d : deletions) {
            folder.delete(d.backup());
            work.records().backupDeleted(d.backup().id());
            work.say("deleted backup " + d.backup().id() + " (" + d.reason() + ")");
        }
        return deletions;
    }
}
