package dev.shipshape.engine;

/**
 * Who starts a run and from which runbook.
 *
 * @param runbookText the runbook file's text, stored so resume plans exactly the same run
 */
public record RunRequest(String startedBy, String runbookPath, String runbookText) {
}
