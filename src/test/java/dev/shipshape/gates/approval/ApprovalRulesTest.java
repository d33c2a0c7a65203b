package dev.shipshape.gates.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.gates.Approvals;
import dev.shipshape.runbook.gates.People;
import dev.shipshape.approvals.ApprovalRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-26T18:00:00Z");
    private static final People PEOPLE = new People(Map.of("alice", List.of("lead"), "bob", List.of("lead"),
            "erin", List.of()));
    private static final Approvals LEADS = new Approvals(2, List.of("lead", "frank"), Duration.ofHours(4));
    private static final ApprovalRequest REQUEST = new ApprovalRequest("r-1", "gate/1", T0, T0.plusSeconds(3600));

    @Test
    void thePersonWhoStartedTheRunCannotApproveItEvenWithTheRole() {
        assertThat(ApprovalRules.refusal("alice", true, "r-1", "alice", LEADS, PEOPLE, List.of(), REQUEST, T0))
                .contains("alice started run r-1 and cannot approve it; someone else must");
    }

    @Test
    void aRoleOrANamedPersonMayApprove() {
        assertThat(ApprovalRules.refusal("bob", true, "r-1", "alice", LEADS, PEOPLE, List.of(), REQUEST, T0)).isEmpty();
        assertThat(ApprovalRules.refusal("frank", true, "r-1", "alice", LEADS, PEOPLE, List.of(), REQUEST, T0))
                .isEmpty();
        assertThat(ApprovalRules.refusal("erin", false, "r-1", "alice", LEADS, PEOPLE, List.of(), REQUEST, T0))
                .contains("erin may not reject run r-1: needs role lead or frank (erin has no role in the runbook's"
                        + " people)");
    }

    @Test
    void nothingCanBeDecidedAfterTheRequestExpired() {
        assertThat(ApprovalRules.refusal("bob", true, "r-1", "alice", LEADS, PEOPLE, List.of(), REQUEST,
                T0.plusSeconds(3600))).contains("the approval request of run r-1 expired at 2026-01-26T19:00:00Z;"
                + " start a new run");
    }
}
