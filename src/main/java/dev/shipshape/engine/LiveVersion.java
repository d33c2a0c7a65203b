package dev.shipshape.engine;

import java.time.Instant;

/**
 * The version live in an environment: what a successful deploy put there, or what a rollback
 * returned it to. Kept by the store; {@code ${previous_version}} of the next deploy is this version.
 *
 * @param runId the run that made it live; null for a restore from the command line
 * @param how   {@code deployed}, {@code rolled back}, {@code rolled back automatically} or
 *              {@code restored from backup ID} (the version that was live when the backup was taken)
 */
public record LiveVersion(String service, String environment, String version, String runId, String how,
                          Instant since) {

    public static final String DEPLOYED = "deployed";
    public static final String ROLLED_BACK = "rolled back";
    public static final String ROLLED_BACK_AUTOMATICALLY = "rolled back automatically";
    public static final String RESTORED = "restored from backup";
}
