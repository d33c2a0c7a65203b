package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An unlock as machines read it ({@code unlock --output json}, the server's unlock route); {@code heldBy} is absent
 * when the environment was not locked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnlockReport(String service, String environment, boolean unlocked, HeldBy heldBy, String reason,
                           String message) {

    public record HeldBy(String runId, String holder) {
    }

    public static UnlockReport of(Deployments.Unlocked unlocked, String reason) {
        return new UnlockReport(unlocked.service(), unlocked.environment(), unlocked.removed().isPresent(),
                unlocked.removed().map(l -> new HeldBy(l.runId(), l.holder())).orElse(null), reason,
                unlocked.message());
    }
}
