package dev.shipshape.app;

import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.ProcessIdentity;
import java.time.Instant;

/** What stands in the environments of a runbook: live versions, locks, windows. */
public final class Environments {

    private Environments() {
    }

    /** A lease is alive until it expires, unless its process on this host is gone. */
    public static boolean alive(EnvLock lock, Instant now) {
        return !lock.expiredAt(now) && !ProcessIdentity.isDeadLocalProcess(lock.holder());
    }
}
