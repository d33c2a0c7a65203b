package dev.shipshape.runbook;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the disaster-recovery drill must prove ({@code database.recovery}): a restore within the
 * recovery time objective, a backup no older than the recovery point objective, and the checks.
 *
 * @param rto    longest acceptable restore time, or null
 * @param rpo    largest acceptable data loss, measured as the backup's age, or null
 * @param checks SQL assertions run against the restored copy
 */
public record RecoveryTargets(Duration rto, Duration rpo, List<SqlCheck> checks) {

    public RecoveryTargets {
        checks = List.copyOf(checks);
    }

    RecoveryTargets mapStrings(UnaryOperator<String> f) {
        return new RecoveryTargets(rto, rpo, checks.stream().map(c -> c.mapStrings(f)).toList());
    }
}
