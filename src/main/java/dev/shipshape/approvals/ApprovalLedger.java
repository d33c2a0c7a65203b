package dev.shipshape.approvals;

import java.time.Instant;
import java.util.List;

/**
 * Where approval requests and decisions are kept, so that a run waiting for approval survives a
 * restart and people can approve from another terminal. Implemented by the store package.
 */
public interface ApprovalLedger {

    /**
     * The request of this step: opened now with {@code expiresAt} the first time, the recorded one
     * afterwards (a resumed run keeps its original deadline).
     */
    ApprovalRequest open(String runId, String stepId, Instant now, Instant expiresAt);

    /** The request of this step, if it was opened. */
    java.util.Optional<ApprovalRequest> request(String runId, String stepId);

    /** Decisions in the order they were recorded. */
    List<ApprovalDecision> decisions(String runId, String stepId);

    /** Records an approval or a rejection (already checked against who may decide). */
    void decide(ApprovalDecision decision);
}
