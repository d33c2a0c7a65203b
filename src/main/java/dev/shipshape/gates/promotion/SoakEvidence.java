package dev.shipshape.gates.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known about a version's time in the environment it is promoted from. This is the seam
 * for judging a soak by recorded analysis results: today {@link RunHistory} reads it from runs
 * (successes, failures and rollbacks); an implementation backed by recorded analysis verdicts
 * adds their failures to {@link #problemsSince}.
 */
public interface SoakEvidence {

    /** When the version's latest successful deployment to the environment finished. */
    Optional<Instant> succeededAt(String service, String environment, String version);

    /** Everything since {@code since} that says the environment was not healthy, one reason each. */
    List<String> problemsSince(String service, String environment, Instant since);
}
