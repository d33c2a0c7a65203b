package dev.shipshape.confirmations;

import java.util.Optional;

/**
 * Where confirmations of {@code confirm:} steps are kept, so that a waiting run sees one given from another terminal
 * and a resumed run sees one given while no process ran it. Implemented by the store package.
 */
public interface ConfirmationLedger {

    /** Records the confirmation of a step; the first one of a step counts, later ones are refused by the store. */
    void confirm(Confirmation confirmation);

    /** The step's confirmation, if someone gave it. */
    Optional<Confirmation> confirmation(String runId, String stepId);
}
