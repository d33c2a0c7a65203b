package dev.shipshape.steps.kit;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.approvals.ApprovalLedger;
import dev.shipshape.confirmations.ConfirmationLedger;
import dev.shipshape.confirmations.OperatorPrompt;
import dev.shipshape.http.Exchanges;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.processes.Processes;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What step executors use of the world and the store, handed to each kind once by the composition
 * root.
 *
 * @param httpClient     sends every request of every kind ({@code StepExecutors.defaultHttpClient()} is built
 *                       on its first request)
 * @param tailLimitBytes how much of a step's output its result keeps
 * @param approvals      where approvals are recorded, or null when nothing can record them
 * @param approvalPoll   how often a waiting approval step reads the ledger
 * @param env            the process environment (where {@code pg_dump} is found)
 * @param processes      starts every program a step runs (shell commands, PostgreSQL client programs)
 * @param confirmations  where confirmations of confirm steps are recorded, or null when nothing can record them
 * @param operator       the person at the terminal running the engine, if any ({@link OperatorPrompt#NONE})
 */
public record StepServices(HttpClient httpClient, int tailLimitBytes, VerificationLog verification,
                           Clock clock, ApprovalLedger approvals, Duration approvalPoll, PostgresRecords postgres,
                           Map<String, String> env, Processes processes, ConfirmationLedger confirmations,
                           OperatorPrompt operator) {

    /** Services without confirmations (nothing records them) and without a person at a terminal. */
    public StepServices(HttpClient httpClient, int tailLimitBytes, VerificationLog verification, Clock clock,
                        ApprovalLedger approvals, Duration approvalPoll, PostgresRecords postgres,
                        Map<String, String> env, Processes processes) {
        this(httpClient, tailLimitBytes, verification, clock, approvals, approvalPoll, postgres, env, processes, null,
                OperatorPrompt.NONE);
    }

    public StepServices {
        if (tailLimitBytes <= 0) {
            throw new IllegalArgumentException("output tail limit must be positive, got " + tailLimitBytes);
        }
        env = Map.copyOf(env);
        operator = operator == null ? OperatorPrompt.NONE : operator;
    }

    public Exchanges exchanges() {
        return new Exchanges(httpClient);
    }

    public Optional<ApprovalLedger> approvalsIfAny() {
        return Optional.ofNullable(approvals);
    }

    public Optional<ConfirmationLedger> confirmationsIfAny() {
        return Optional.ofNullable(confirmations);
    }
}
