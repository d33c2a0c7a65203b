package dev.shipshape.gates;

import java.time.Instant;
import java.util.List;

/**
 * A gate's decision as recorded: what, for which deployment, who asked, and why.
 *
 * @param runId     the run it let start, or null when the run was refused
 * @param verdict   pass, wait, block, or overridden
 * @param decidedBy the person whose deploy (or override) it was
 */
public record GateDecision(String runId, String service, String environment, String version, String gate,
                           String verdict, String reason, String decidedBy, Instant at) {

    /** The decisions of a report, for one deployment. */
    public static List<GateDecision> of(GateReport report, String runId, String service, String environment,
                                        String version, String by, Instant at) {
        return report.results().stream().map(r -> new GateDecision(runId, service, environment, version, r.gate(),
                r.verdict().label(), r.recordedReason(), by, at)).toList();
    }
}
