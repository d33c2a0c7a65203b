package dev.shipshape.approvals;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an approval stands: approved once {@code needed} different people approved, rejected as
 * soon as anyone rejected, expired when the request ran out first, else still waiting. Pure.
 */
public record Tally(State state, Set<String> approvers, String reason) {

    /** Where a request stands. */
    public enum State { WAITING, APPROVED, REJECTED, EXPIRED }

    public static Tally of(int needed, ApprovalRequest request, List<ApprovalDecision> decisions, Instant now) {
        Set<String> approvers = new LinkedHashSet<>();
        for (ApprovalDecision d : decisions) {
            if (!d.approved()) {
                return new Tally(State.REJECTED, approvers, "rejected by " + d.person()
                        + (d.comment() == null ? "" : ": " + d.comment()));
            }
            approvers.add(d.person());
            if (approvers.size() >= needed) {
                return new Tally(State.APPROVED, approvers, "approved by " + String.join(", ", approvers));
            }
        }
        if (request.expired(now)) {
            return new Tally(State.EXPIRED, approvers, "the approval request expired with " + approvers.size()
                    + " of " + needed + " approvals" + by(approvers));
        }
        return new Tally(State.WAITING, approvers, approvers.size() + " of " + needed + " approvals" + by(approvers));
    }

    private static String by(Set<String> approvers) {
        return approvers.isEmpty() ? "" : " (" + String.join(", ", approvers) + ")";
    }

    public Optional<String> finalReason() {
        return state == State.WAITING ? Optional.empty() : Optional.of(reason);
    }
}
