package dev.shipshape.runbook.gates;

import java.time.Duration;

/**
 * A version must have succeeded in another environment first, and stayed healthy there.
 *
 * @param from the environment it must have succeeded in ({@code promote_from})
 * @param soak how long it must have stayed healthy there ({@code soak}); zero = no wait
 */
public record Promotion(String from, Duration soak) {
}
