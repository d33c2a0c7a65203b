package dev.shipshape.postgres.backup;

import dev.shipshape.postgres.BackupManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a recovery drill measured and whether it met the targets.
 *
 * @param restoreTime the measured RTO: how long the restore took
 * @param backupAge   the measured RPO: how much data a restore of this backup would lose now
 * @param rto         the runbook's target, or null
 * @param rpo         the runbook's target, or null
 */
public record DrillReport(BackupManifest backup, String scratchDatabase, Duration restoreTime, Duration backupAge,
                          Duration rto, Duration rpo, Map<String, Long> rowCounts, List<Check> checks) {

    /** One SQL assertion run against the restored copy. */
    public record Check(String sql, boolean passed, String reason) {
    }

    public DrillReport {
        rowCounts = Map.copyOf(rowCounts);
        checks = List.copyOf(checks);
    }

    public boolean rtoMet() {
        return rto == null || restoreTime.compareTo(rto) <= 0;
    }

    public boolean rpoMet() {
        return rpo == null || backupAge.compareTo(rpo) <= 0;
    }

    public boolean passed() {
        return rtoMet() && rpoMet() && checks.stream().allMatch(Check::passed) && !rowCounts.isEmpty();
    }

    /** Why it failed, one reason per problem; empty when it passed. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (rowCounts.isEmpty()) {
            out.add("the restored copy has no tables");
        }
        if (!rtoMet()) {
            out.add("RTO " + human(restoreTime) + " > target " + human(rto));
        }
        if (!rpoMet()) {
            out.add("RPO " + human(backupAge) + " > target " + human(rpo));
        }
        checks.stream().filter(c -> !c.passed()).forEach(c -> out.add("check '" + c.sql() + "': " + c.reason()));
        return out;
    }

    public static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + "ms" : dev.shipshape.runbook.Durations.format(
                Duration.ofSeconds(d.getSeconds()));
    }
}
