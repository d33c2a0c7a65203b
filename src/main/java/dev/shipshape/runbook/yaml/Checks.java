package dev.shipshape.runbook.yaml;

import java.time.Duration;
import java.util.Optional;

/** Range checks that verification steps share: a duration above zero, a count of at least n. */
final class Checks {

    private Checks() {
    }

    static Optional<Duration> positive(Fields f, Values values, String key) {
        return f.duration(key).filter(d -> {
            if (d.isZero()) {
                values.problems().add(f.node(key).orElseThrow(), f.path(key), key + " must be more than 0s");
                return false;
            }
            return true;
        });
    }

    static Optional<Integer> atLeast(Fields f, Values values, String key, int least) {
        return f.integer(key).filter(n -> {
            if (n < least) {
                values.problems().add(f.node(key).orElseThrow(), f.path(key), key + " must be " + least
                        + " or more, got " + n);
                return false;
            }
            return true;
        });
    }
}
