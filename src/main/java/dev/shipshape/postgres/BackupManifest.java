package dev.shipshape.postgres;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The metadata kept beside each valid backup ({@code ID.json}) and in the store. A manifest
 * exists only for a backup whose pg_dump exited 0 and whose checksum was computed afterwards.
 *
 * @param file   the dump's name in the backup folder (a file, or a folder for the directory format)
 * @param sha256 checksum of the file (for a folder: of its files' names and contents, by name)
 */
public record BackupManifest(
        @JsonProperty("id") String id,
        @JsonProperty("service") String service,
        @JsonProperty("environment") String environment,
        @JsonProperty("database") String database,
        @JsonProperty("server_version") String serverVersion,
        @JsonProperty("schema_version") String schemaVersion,
        @JsonProperty("format") String format,
        @JsonProperty("file") String file,
        @JsonProperty("size_bytes") long sizeBytes,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("duration_ms") long durationMs,
        @JsonProperty("run_id") String runId,
        @JsonProperty("label") String label) {

    /** When the backup's data was taken: its start (pg_dump sees one snapshot from the start). */
    public Instant takenAt() {
        return startedAt;
    }
}
