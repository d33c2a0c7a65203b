package dev.shipshape.runbook;

import dev.shipshape.runbook.gates.Approvals;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Waits until enough people approve the run ({@code approval:}), someone rejects it, or the request
 * expires. The person who started the run cannot approve it.
 */
public record ApprovalStep(Approvals approvals, StepOptions options) implements Step {

    /** Waiting is ended by people or by {@code expires}, not by the usual 30 minutes. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);

    @Override
    public String kind() {
        return "approval";
    }

    @Override
    public String summary() {
        String from = approvals.roles().isEmpty() ? "" : " from " + String.join(" or ", approvals.roles());
        String expires = approvals.expires() == null ? "" : ", expires after " + Durations.format(approvals.expires());
        return approvals.count() + (approvals.count() == 1 ? " approval" : " approvals") + from + expires;
    }

    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public Duration defaultTimeout() {
        return DEFAULT_TIMEOUT;
    }

    @Override
    public ApprovalStep mapStrings(UnaryOperator<String> f) {
        return new ApprovalStep(approvals, options.mapStrings(f));
    }
}
