package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import java.util.List;

/** Which version a rollback returns to: one named that once ran there, or the previous successful one. */
final class RollbackTargets {

    private final String service;
    private final String environment;
    /** Versions that were deployed successfully to the environment, newest first, each once. */
    private final List<String> deployed;

    RollbackTargets(RunStore runs, String service, String environment) {
        this.service = service;
        this.environment = environment;
        this.deployed = runs.runs(service, environment, 1000).stream()
                .filter(r -> r.procedure().equals("deploy") && r.status() == RunStatus.SUCCEEDED)
                .map(RunRecord::version).distinct().toList();
    }

    /** @param to the version asked for, or null for the one before {@code from} */
    String target(String to, String from) {
        return to != null ? deployedTarget(to) : previous(from);
    }

    private String previous(String from) {
        return deployed.stream().filter(v -> !v.equals(from)).findFirst()
                .orElseThrow(() -> usage("no version of " + service + " succeeded in " + environment + " before "
                        + from + "; name the version to return to with --to VERSION"));
    }

    /** Only a version that once ran here can be returned to. */
    private String deployedTarget(String to) {
        if (!deployed.contains(to)) {
            throw usage(to + " was never deployed to " + environment + " of " + service + "; versions deployed there: "
                    + String.join(", ", deployed) + " (roll back --to one of them, or deploy " + to + ")");
        }
        return to;
    }

    static ShipshapeException usage(String message) {
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, message);
    }
}
