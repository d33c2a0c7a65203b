package dev.shipshape.gates;

import java.time.Instant;

/**
 * A person's sign-off of a manual checklist item for one version in one environment, or for every version
 * ({@link #ONCE}) when the item is signed off once.
 */
public record SignOff(String service, String environment, String version, String item, String person,
                      String comment, Instant at) {

    /** The version recorded for a sign-off that holds for every version. */
    public static final String ONCE = "*";

    public boolean once() {
        return ONCE.equals(version);
    }
}
