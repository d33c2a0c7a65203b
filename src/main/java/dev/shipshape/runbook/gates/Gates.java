package dev.shipshape.runbook.gates;

import java.util.Optional;

/**
 * The rules an environment sets on when and whether a deployment may start. Each part is
 * optional (null when the runbook does not set it).
 */
public record Gates(Windows windows, Promotion promotion, Checklist checklist) {

    public static Gates none() {
        return new Gates(null, null, null);
    }

    public Optional<Windows> windowsIfAny() {
        return Optional.ofNullable(windows);
    }

    public Optional<Promotion> promotionIfAny() {
        return Optional.ofNullable(promotion);
    }

    public Optional<Checklist> checklistIfAny() {
        return Optional.ofNullable(checklist);
    }
}
