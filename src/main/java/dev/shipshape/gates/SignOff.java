package dev.shipshape.gates;

import java.time.Instant;

/** A person's sign-off of a manual checklist item for one version in one environment. */
public record SignOff(String service, String environment, String version, String item, String person,
                      String comment, Instant at) {
}
