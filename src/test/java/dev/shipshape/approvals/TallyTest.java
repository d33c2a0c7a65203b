package dev.shipshape.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Instant T0 = Instant.parse("2026-01-26T18:00:00Z");
    private static final ApprovalRequest REQUEST = new ApprovalRequest("r-1", "gate/1", T0, T0.plusSeconds(4 * 3600));

    private static ApprovalDecision approve(String person) {
        return new ApprovalDecision("r-1", "gate/1", person, true, null, T0.plusSeconds(60));
    }

    @Test
    void waitsUntilEnoughDifferentPeopleApproved() {
        Tally one = Tally.of(2, REQUEST, List.of(approve("bob"), approve("bob")), T0.plusSeconds(120));
        Tally two = Tally.of(2, REQUEST, List.of(approve("bob"), approve("carol")), T0.plusSeconds(120));

        assertThat(one).isEqualTo(new Tally(Tally.State.WAITING, java.util.Set.of("bob"), "1 of 2 approvals (bob)"));
        assertThat(two.state()).isEqualTo(Tally.State.APPROVED);
        assertThat(two.reason()).isEqualTo("approved by bob, carol");
    }

    @Test
    void aRejectionEndsTheWaitWithItsReason() {
        Tally tally = Tally.of(2, REQUEST, List.of(approve("bob"),
                new ApprovalDecision("r-1", "gate/1", "carol", false, "not during the sale", T0)), T0);

        assertThat(tally.finalReason()).contains("rejected by carol: not during the sale");
    }

    @Test
    void anUnansweredRequestExpires() {
        Tally tally = Tally.of(2, REQUEST, List.of(approve("bob")), T0.plusSeconds(4 * 3600));

        assertThat(tally.state()).isEqualTo(Tally.State.EXPIRED);
        assertThat(tally.reason()).isEqualTo("the approval request expired with 1 of 2 approvals (bob)");
    }
}
