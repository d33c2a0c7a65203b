package dev.shipshape.approvals;

import java.time.Instant;

/** A step's request for approval: when it was opened and when it expires (null = never). */
public record ApprovalRequest(String runId, String stepId, Instant openedAt, Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
