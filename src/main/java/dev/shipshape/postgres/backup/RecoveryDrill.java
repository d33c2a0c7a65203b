package dev.shipshape.postgres.backup;

import dev.shipshape.postgres.BackupManifest;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.QueryCheck;
import dev.shipshape.runbook.RecoveryTargets;
import dev.shipshape.runbook.SqlCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The disaster-recovery drill: restores a backup into a scratch database, counts the rows of
 * every table, runs the runbook's checks, drops the scratch database, and measures RTO (the
 * restore time) and RPO (the backup's age) against the runbook's targets.
 */
public final class RecoveryDrill {

    private final DatabaseWork work;

    public RecoveryDrill(DatabaseWork work) {
        this.work = work;
    }

    /** @param server where to restore: the environment's address, or another server's */
    public DrillReport run(String idOrLatest, DatabaseAddress server, Integer jobs) {
        Restore restore = new Restore(work);
        BackupManifest backup = restore.verified(idOrLatest);
        DatabaseAddress scratch = server.withDatabase("shipshape_drill_" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 10));
        Restore.execute(server.withDatabase("postgres"), "CREATE DATABASE " + Restore.quoted(scratch.database()));
        try {
            Instant start = work.clock().instant();
            restore.into(backup, scratch, jobs);
            Duration restoreTime = Duration.between(start, work.clock().instant());
            Map<String, Long> rows = rowCounts(scratch);
            List<DrillReport.Check> checks = checks(scratch);
            RecoveryTargets targets = work.target().settings().recovery();
            return new DrillReport(backup, scratch.database(), restoreTime,
                    Duration.between(backup.startedAt(), work.clock().instant()), targets == null ? null
                    : targets.rto(), targets == null ? null : targets.rpo(), rows, checks);
        } finally {
            Restore.execute(server.withDatabase("postgres"), "DROP DATABASE IF EXISTS "
                    + Restore.quoted(scratch.database()) + " WITH (FORCE)");
        }
    }

    private Map<String, Long> rowCounts(DatabaseAddress scratch) {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = scratch.connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
                    + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new dev.shipshape.ShipshapeException(dev.shipshape.ShipshapeException.Code.FAILED,
                    "could not count rows in the restored copy " + scratch + ": " + e.getMessage());
        }
        return rows;
    }

    private List<DrillReport.Check> checks(DatabaseAddress scratch) {
        RecoveryTargets targets = work.target().settings().recovery();
        List<DrillReport.Check> out = new ArrayList<>();
        if (targets == null) {
            return out;
        }
        for (SqlCheck check : targets.checks()) {
            try (Connection c = scratch.connect()) {
                QueryCheck.Outcome outcome = QueryCheck.run(c, check);
                out.add(new DrillReport.Check(check.sql(), outcome.passed(), outcome.reason()));
            } catch (SQLException e) {
                out.add(new DrillReport.Check(check.sql(), false, e.getMessage()));
            }
        }
        return out;
    }
}
