package dev.shipshape.engine;

import java.time.Instant;

/**
 * Which runs a listing asks for; each filter null for any.
 *
 * @param procedure a run's kind ({@code deploy}, {@code rollback}, {@code procedure}) or the name of the procedure
 *                  it ran: a run matches when either is this
 * @param since     started at or after this instant
 * @param until     started before this instant
 */
public record RunSelection(String service, String environment, RunStatus status, String procedure, Instant since,
                           Instant until) {

    /** Every run. */
    public static final RunSelection ALL = new RunSelection(null, null, null, null, null, null);

    /** Whether a run is one of those asked for. */
    public boolean matches(RunRecord run) {
        return (service == null || service.equals(run.service()))
                && (environment == null || environment.equals(run.environment()))
                && (status == null || status == run.status())
                && (procedure == null || procedure.equals(run.procedure()) || procedure.equals(run.procedureName()))
                && (since == null || !run.createdAt().isBefore(since))
                && (until == null || run.createdAt().isBefore(until));
    }
}
