package dev.shipshape.engine;

/** How a run ended (or stopped, when halted), and why. */
public record RunOutcome(String runId, RunStatus status, String reason) {
}
