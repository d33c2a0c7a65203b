package dev.shipshape.gates.promotion;

import dev.shipshape.gates.GateResult;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.gates.Promotion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a version may be promoted: it must have succeeded in the source environment,
 * at least {@code soak} ago, with nothing unhealthy recorded there since. Pure over the evidence.
 */
public final class PromotionGate {

    public static final String NAME = "promotion";

    private PromotionGate() {
    }

    public static GateResult decide(Promotion p, String service, String version, SoakEvidence evidence, Instant now) {
        Optional<Instant> succeeded = evidence.succeededAt(service, p.from(), version);
        if (succeeded.isEmpty()) {
            return GateResult.block(NAME, version + " has not succeeded in " + p.from() + " yet; deploy it there"
                    + " first");
        }
        Duration soaked = Duration.between(succeeded.get(), now);
        List<String> problems = evidence.problemsSince(service, p.from(), succeeded.get());
        if (!problems.isEmpty()) {
            return GateResult.block(NAME, version + " did not stay healthy in " + p.from() + ": "
                    + String.join("; ", problems));
        }
        if (soaked.compareTo(p.soak()) < 0) {
            Instant ready = succeeded.get().plus(p.soak());
            return new GateResult(NAME, dev.shipshape.gates.Verdict.BLOCK, version + " has soaked in " + p.from()
                    + " for " + Durations.format(roundDown(soaked)) + " of " + Durations.format(p.soak())
                    + "; it may be promoted from " + ready, ready);
        }
        return GateResult.pass(NAME, version + " succeeded in " + p.from() + " " + Durations.format(roundDown(soaked))
                + " ago with no failure since (soak " + Durations.format(p.soak()) + ")"
                + evidence.judgedBy(service, p.from(), succeeded.get()).map(j -> "; " + j).orElse(""));
    }

    private static Duration roundDown(Duration d) {
        return Duration.ofMinutes(Math.max(0, d.toMinutes()));
    }
}
