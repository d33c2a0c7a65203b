package dev.shipshape.gates.approval;

import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.runbook.gates.People;
import dev.shipshape.approvals.ApprovalDecision;
import dev.shipshape.approvals.ApprovalRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may approve or reject a waiting approval step. Pure: a refusal is returned as its reason,
 * and nothing is recorded for a refused decision.
 */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /**
     * @param request   the step's request, or null when the step has not opened it yet
     * @param approving true to approve, false to reject
     * @return why {@code person} may not decide, or empty when they may
     */
    public static Optional<String> refusal(String person, boolean approving, String runId, String startedBy,
                                           Approvals approvals, People people, List<ApprovalDecision> decisions,
                                           ApprovalRequest request, Instant now) {
        if (approving && person.equals(startedBy)) {
            return Optional.of(person + " started run " + runId + " and cannot approve it; someone else must");
        }
        if (!people.allows(person, approvals.roles())) {
            List<String> has = people.rolesOf(person);
            return Optional.of(person + " may not " + (approving ? "approve" : "reject") + " run " + runId
                    + ": needs role " + String.join(" or ", approvals.roles()) + " (" + person
                    + (has.isEmpty() ? " has no role in the runbook's people" : " has " + String.join(", ", has))
                    + ")");
        }
        if (approving && decisions.stream().anyMatch(d -> d.approved() && d.person().equals(person))) {
            return Optional.of(person + " already approved run " + runId + "; approvals must come from different"
                    + " people");
        }
        if (request != null && request.expired(now)) {
            return Optional.of("the approval request of run " + runId + " expired at " + request.expiresAt()
                    + "; start a new run");
        }
        return Optional.empty();
    }
}
