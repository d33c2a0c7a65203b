package dev.shipshape.steps.kit;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.approvals.ApprovalLedger;
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
 */
public record StepServices(HttpClient httpClient, int tailLimitBytes, VerificationLog verification,
                           Clock clock, ApprovalLedger approvals, Duration approvalPoll, PostgresRecords postgres,
                           Map<String, String> env, Processes processes) {

    public StepServices {
        if (tailLimitBytes <= 0) {
            throw new IllegalArgumentException("output tail limit must be positive, got " + tailLimitBytes);
        }
        env = Map.copyOf(env);
    }

    public Exchanges exchanges() {
        return new Exchanges(httpClient);
    }

    public Optional<ApprovalLedger> approvalsIfAny() {
        return Optional.ofNullable(approvals);
    }
}
