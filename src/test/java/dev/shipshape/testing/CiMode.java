package dev.shipshape.testing;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether the tests run under CI, where a missing real component (PostgreSQL, Prometheus) fails the
 * test instead of skipping it. {@code CI} set to anything but empty, {@code false}, {@code 0} or
 * {@code no} counts, in any case, as CI systems spell it differently.
 */
public final class CiMode {

    private static final Set<String> OFF = Set.of("", "false", "0", "no");

    private CiMode() {
    }

    public static boolean on() {
        return on(System.getenv());
    }

    static boolean on(Map<String, String> env) {
        String value = env.get("CI");
        return value != null && !OFF.contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
