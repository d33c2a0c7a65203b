package dev.shipshape.gates;

import dev.shipshape.approvals.ApprovalLedger;
import java.util.List;

/**
 * Where gate decisions, checklist sign-offs and approvals are recorded. Every method is one
 * transaction. Implemented by the store package.
 */
public interface GateLedger extends ApprovalLedger {

    /** Records decisions; those of a started run are also noted as events of that run. */
    void record(List<GateDecision> decisions);

    /** Decisions recorded for a run, in order. */
    List<GateDecision> decisions(String runId);

    /** The latest decisions for a service in an environment (refusals included), newest first. */
    List<GateDecision> recent(String service, String environment, int limit);

    /** Records a sign-off, replacing the same person's earlier one of the same item for the same version. */
    void signOff(SignOff signOff);

    /** The sign-offs recorded for a version ({@link SignOff#ONCE} for those given once), oldest first. */
    List<SignOff> signOffs(String service, String environment, String version);

    /** What a checklist for the version counts: the version's own sign-offs and those given once. */
    default List<SignOff> signOffsFor(String service, String environment, String version) {
        List<SignOff> all = new java.util.ArrayList<>(signOffs(service, environment, SignOff.ONCE));
        if (version != null && !version.equals(SignOff.ONCE)) {
            all.addAll(signOffs(service, environment, version));
        }
        return all;
    }
}
