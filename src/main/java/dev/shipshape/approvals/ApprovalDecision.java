package dev.shipshape.approvals;

import java.time.Instant;

/**
 * One person's decision on an approval step.
 *
 * @param comment the comment of an approval, or the reason of a rejection
 */
public record ApprovalDecision(String runId, String stepId, String person, boolean approved, String comment,
                               Instant at) {
}
