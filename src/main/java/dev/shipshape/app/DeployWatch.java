package dev.shipshape.app;

import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.checklist.ItemResult;
import java.util.List;

/** A {@link RunWatch} that is also told what the gates find before a deployment starts, as they find it. */
public interface DeployWatch extends RunWatch {

    /** Told nothing; runs without a listener. */
    DeployWatch NONE = new DeployWatch() {
    };

    /** The environment's checklist was run (before the other gates are judged). */
    default void checklist(String environment, List<ItemResult> items) {
    }

    /** The window is closed but opens soon: the deployment waits for it now. */
    default void waitingForWindow(GateResult window) {
    }

    /** Every gate is judged (an override applied): next, the deployment starts or is refused. */
    default void judged(GateReport report) {
    }
}
