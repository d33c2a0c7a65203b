package dev.shipshape.engine;

import java.time.Instant;

/**
 * The lock that keeps one run at a time per service and environment. It is a lease: the holder
 * renews it while alive; once {@code expiresAt} has passed anyone may take it.
 *
 * @param holder who holds it: {@code host:pid} of the process running the run
 */
public record EnvLock(String service, String environment, String runId, String holder, Instant acquiredAt,
                      Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
