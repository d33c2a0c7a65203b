package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.windows.WindowGate;

/** A deployment the gates refused (code BLOCKED): the refusal was recorded and nothing was started. */
public final class GatesRefused extends ShipshapeException {

    private final transient GateReport report;
    private final String environment;
    private final String version;

    GatesRefused(GateReport report, String environment, String version) {
        super(Code.BLOCKED, "refused by the " + String.join(" and ", report.blocking().stream()
                .map(GateResult::gate).toList()) + " gate" + (report.blocking().size() > 1 ? "s" : "")
                + "; nothing was started");
        this.report = report;
        this.environment = environment;
        this.version = version;
    }

    /** Every gate's result; {@link GateReport#blocking()} are the reasons. */
    public GateReport report() {
        return report;
    }

    public String environment() {
        return environment;
    }

    public String version() {
        return version;
    }

    /** Whether a window blocked, which an emergency override can get past. */
    public boolean windowBlocked() {
        return report.blocking().stream().anyMatch(r -> r.gate().equals(WindowGate.NAME));
    }
}
