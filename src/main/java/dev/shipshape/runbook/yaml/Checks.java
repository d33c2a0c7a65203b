package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.HttpUrl;
import java.time.Duration;
import java.util.Optional;

/** Checks that verification steps share: a duration above zero, a count of at least n, an http(s) URL. */
public final class Checks {

    private Checks() {
    }

    public static Optional<Duration> positive(Fields f, Values values, String key) {
        return f.duration(key).filter(d -> {
            if (d.isZero()) {
                values.problems().add(f.node(key).orElseThrow(), f.path(key), key + " must be more than 0s");
                return false;
            }
            return true;
        });
    }

    /** The string at {@code key} when it is an http(s) URL (or references decide it), else a problem at its position. */
    public static Optional<String> url(Fields f, Values values, String key) {
        return f.required(key).flatMap(n -> values.string(n, f.path(key)).filter(url -> {
            Optional<String> problem = HttpUrl.problem(url);
            problem.ifPresent(p -> values.problems().add(n, f.path(key), p));
            return problem.isEmpty();
        }));
    }

    public static Optional<Integer> atLeast(Fields f, Values values, String key, int least) {
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
