package dev.shipshape.analysis;

/**
 * What a stage's zero-downtime probe saw.
 *
 * @param longestOutageMillis the longest stretch from a first failed request to the next success
 * @param downtimeMillis      all such stretches added up
 * @param reason              why the probe's gate failed the stage, or a summary when it passed
 */
public record ProbeReport(String runId, String stage, String url, int requests, int failures,
                          long longestOutageMillis, long downtimeMillis, boolean passed, String reason) {
}
