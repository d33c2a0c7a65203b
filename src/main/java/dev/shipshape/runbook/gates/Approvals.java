package dev.shipshape.runbook.gates;

import java.time.Duration;
import java.util.List;

/**
 * How many people must approve, and who may.
 *
 * @param count   approvals needed (0 = none)
 * @param roles   roles (from {@code people:}) or names of people allowed to approve; empty = anyone
 * @param expires how long the request stays open, or null for no limit
 */
public record Approvals(int count, List<String> roles, Duration expires) {

    public Approvals {
        roles = List.copyOf(roles);
    }

    public static Approvals none() {
        return new Approvals(0, List.of(), null);
    }
}
