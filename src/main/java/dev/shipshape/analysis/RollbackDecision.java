package dev.shipshape.analysis;

import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.RollbackRule.Action;
import java.util.List;
import java.util.Optional;

/**
 * The rollback decision table applied to what verification found; pure. Each finding is matched
 * against the rules; the most severe action wins (rollback over pause over alert). Without a
 * matching rule: a critical breach, a failed health check or smoke test roll back, a warning alerts.
 */
public final class RollbackDecision {

    /** What to do and why. */
    public record Decision(Action action, String reason) {
    }

    private RollbackDecision() {
    }

    /**
     * @param conditions what was found, as rules name it ({@code error-rate critical}, {@code health failed})
     * @param reason     why, for the record: {@code error rate 0.12 > 0.10 (critical) at 12:03:05}
     * @return the action, or empty when nothing calls for one
     */
    public static Optional<Decision> decide(List<RollbackRule> rules, List<String> conditions, String reason) {
        Action worst = null;
        String because = null;
        for (String condition : conditions) {
            Optional<RollbackRule> rule = rules.stream().filter(r -> r.when().equals(condition)).findFirst();
            Action action = rule.map(RollbackRule::action).orElseGet(() -> fallback(condition));
            if (action != null && (worst == null || action.ordinal() < worst.ordinal())) {
                worst = action;
                because = rule.map(r -> "rule '" + r.when() + " -> " + r.action().name().toLowerCase(java.util.Locale.ROOT)
                        + "'").orElse(null);
            }
        }
        if (worst == null) {
            return Optional.empty();
        }
        return Optional.of(new Decision(worst, because == null ? reason : reason + " [" + because + "]"));
    }

    /** The seeds' default: bad numbers and broken checks roll back, warnings are watched. */
    private static Action fallback(String condition) {
        if (condition.endsWith(" warning")) {
            return Action.ALERT;
        }
        if (condition.equals("analysis inconclusive")) {
            return null;
        }
        return Action.ROLLBACK;
    }
}
