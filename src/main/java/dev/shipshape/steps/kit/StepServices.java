package dev.shipshape.steps.kit;

import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.approvals.ApprovalLedger;
import dev.shipshape.http.Exchanges;
import dev.shipshape.postgres.PostgresRecords;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What step executors use of the world and the store, handed to each kind once by the composition
 * root. The HTTP client is made the first time a step needs it.
 *
 * @param tailLimitBytes how much of a step's output its result keeps
 * @param approvals      where approvals are recorded, or null when nothing can record them
 * @param approvalPoll   how often a waiting approval step reads the ledger
 * @param env            the process environment (where {@code pg_dump} is found)
 */
public record StepServices(Supplier<HttpClient> httpClient, int tailLimitBytes, VerificationLog verification,
                           Clock clock, ApprovalLedger approvals, Duration approvalPoll, PostgresRecords postgres,
                           Map<String, String> env) {

    public StepServices {
        if (tailLimitBytes <= 0) {
            throw new IllegalArgumentException("output tail limit must be positive, got " + tailLimitBytes);
        }
        httpClient = once(httpClient);
        env = Map.copyOf(env);
    }

    public Exchanges exchanges() {
        return new Exchanges(httpClient.get());
    }

    public Optional<ApprovalLedger> approvalsIfAny() {
        return Optional.ofNullable(approvals);
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }
}
