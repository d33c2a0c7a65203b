package dev.shipshape.gates.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known about a version's time in the environment it is promoted from: {@link RunHistory}
 * reads it from runs (successes, failures and rollbacks); {@link AnalysisHistory} adds the analysis
 * verdicts recorded during the soak.
 */
public interface SoakEvidence {

    /** When the version's latest successful deployment to the environment finished. */
    Optional<Instant> succeededAt(String service, String environment, String version);

    /** Everything since {@code since} that says the environment was not healthy, one reason each. */
    List<String> problemsSince(String service, String environment, Instant since);

    /** What the soak was judged by, when worth saying in the gate's reason ("2 analyses passed in staging"). */
    default Optional<String> judgedBy(String service, String environment, Instant since) {
        return Optional.empty();
    }
}
