package dev.shipshape.engine;

/**
 * Who starts a run and from which runbook.
 *
 * @param runbookText the runbook file's text, stored so resume plans exactly the same run
 * @param reason      why the run was started (e.g. an incident), recorded with it; null when not given
 */
public record RunRequest(String startedBy, String runbookPath, String runbookText, String reason) {

    /** A request without a stated reason. */
    public RunRequest(String startedBy, String runbookPath, String runbookText) {
        this(startedBy, runbookPath, runbookText, null);
    }
}
