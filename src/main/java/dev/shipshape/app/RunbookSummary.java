package dev.shipshape.app;

import dev.shipshape.runbook.Runbook;

/**
 * How big a valid runbook is, as {@code validate} reports it and the server describes a service.
 *
 * @param steps every step of every stage, its rollback steps included, and the always-steps
 */
public record RunbookSummary(String service, int environments, int stages, int steps, int procedures) {

    public static RunbookSummary of(Runbook rb) {
        int steps = rb.stages().stream().mapToInt(s -> s.steps().size() + s.rollback().size()).sum()
                + rb.always().size();
        return new RunbookSummary(rb.service(), rb.environments().size(), rb.stages().size(), steps,
                rb.procedures().size());
    }
}
