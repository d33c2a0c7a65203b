package dev.shipshape.plan;

import dev.shipshape.ShipshapeException;

/**
 * What {@code postgres.restore: run} restores in a rollback run: the backup taken by the run that made
 * the live version live (in a deployment, {@code run} is that deployment's own backup).
 *
 * @param version  the live version being rolled back
 * @param runId    the run that made it live, or null when a restore from the command line did
 * @param backupId the newest backup that run took, or null when it took none
 */
public record RunBackup(String version, String runId, String backupId) {

    /** Nothing is live, or nothing could be looked up: {@code run} is refused if a rollback uses it. */
    public static final RunBackup NONE = new RunBackup(null, null, null);
    /** For planning only which stages a rollback covers: any backup will do. */
    static final RunBackup ANY = new RunBackup(null, null, "run");

    /**
     * The backup id, or why there is none and what to restore instead.
     *
     * @throws ShipshapeException INVALID_INPUT when the live version's run took no backup
     */
    String require(String stage, String environment) {
        if (backupId != null) {
            return backupId;
        }
        String made = runId == null ? (version == null ? "nothing is live in " + environment
                : version + " was made live in " + environment + " by a restore from the command line, not by a run")
                : "run " + runId + ", which made " + version + " live in " + environment + ", took no backup";
        throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "stage '" + stage + "' rolls back with 'postgres.restore: run', but " + made + "; restore "
                + "'latest' or a backup id instead (shipshape db backups --env " + environment + " lists them)");
    }
}
