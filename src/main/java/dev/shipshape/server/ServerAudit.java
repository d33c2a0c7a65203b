package dev.shipshape.server;

import dev.shipshape.audit.AuditLog;
import dev.shipshape.audit.AuditRecord;
import java.time.Clock;

/** Appends what API callers did, and what they were refused, to the audit log, with their address. */
public final class ServerAudit {

    /** Who a request without valid credentials is recorded as. */
    public static final String ANONYMOUS = "(unauthenticated)";

    private final AuditLog log;
    private final Clock clock;

    public ServerAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param who     the caller's user name, or {@link #ANONYMOUS}
     * @param target  what was acted on (names, never secrets), or null
     * @param outcome e.g. {@code succeeded (201)}, {@code refused (403 forbidden)}
     */
    public void record(String who, String action, String target, String address, String outcome) {
        log.append(new AuditRecord(clock.instant(), who, false, action, target, address, outcome));
    }
}
