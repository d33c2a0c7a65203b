package dev.shipshape.engine;

/**
 * The process group a step's command runs in, as recorded when it started: what to stop if the
 * engine dies while the step runs.
 *
 * @param host  the host it runs on ({@link ProcessIdentity#host()})
 * @param group the process group id (the command leads it)
 */
public record StepProcess(String runId, String stepId, String host, long group) {
}
