package dev.shipshape.downtime;

import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.StageProbe;
import java.time.Duration;

/**
 * Counts a probe's requests and failures and measures outages: an outage runs from the first
 * failed request to the next successful one (or to the end of the stage).
 */
final class Outages {

    private int requests;
    private int failures;
    private long outageStart = -1;
    private long longest;
    private long total;

    synchronized void record(long sentAt, boolean ok) {
        requests++;
        if (!ok) {
            failures++;
            if (outageStart < 0) {
                outageStart = sentAt;
            }
        } else if (outageStart >= 0) {
            close(sentAt);
        }
    }

    private void close(long at) {
        long outage = at - outageStart;
        longest = Math.max(longest, outage);
        total += outage;
        outageStart = -1;
    }

    synchronized ProbeReport report(String runId, String stage, StageProbe probe, long endedAt) {
        if (outageStart >= 0) {
            close(endedAt);
        }
        long longestMillis = longest / 1_000_000;
        String figures = requests + " requests, " + failures + " failed, longest outage "
                + Durations.format(Duration.ofMillis(longestMillis));
        String breach = null;
        if (probe.maxFailures() != null && failures > probe.maxFailures()) {
            breach = "zero-downtime probe: " + failures + " failed requests > " + probe.maxFailures() + " allowed";
        } else if (probe.maxOutage() != null && longestMillis > probe.maxOutage().toMillis()) {
            breach = "zero-downtime probe: outage of " + Durations.format(Duration.ofMillis(longestMillis)) + " > "
                    + Durations.format(probe.maxOutage()) + " allowed";
        }
        return new ProbeReport(runId, stage, probe.url(), requests, failures, longestMillis, total / 1_000_000,
                breach == null, breach == null ? figures : breach + " (" + figures + ")");
    }
}
