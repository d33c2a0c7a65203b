package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.BackupPolicy;
import dev.shipshape.runbook.DatabaseSettings;
import dev.shipshape.runbook.RecoveryTargets;
import dev.shipshape.runbook.SqlCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an environment's {@code database:} block: connection, migrations, backup policy, recovery targets. */
final class DatabaseReader {

    private static final List<String> KEYS = List.of("url", "user", "password", "migrations", "backup",
            "on_migration_failure", "recovery", "layout", "migrate_command");
    private static final List<String> BACKUP_KEYS = List.of("folder", "format", "jobs", "keep", "max_age");
    private static final List<String> RECOVERY_KEYS = List.of("rto", "rpo", "checks");

    private final Values values;

    DatabaseReader(Values values) {
        this.values = values;
    }

    Optional<DatabaseSettings> database(Node node, String path) {
        return Fields.of(node, path, values, "a map with url, user, password and migrations").flatMap(f -> {
            f.allowOnly(KEYS);
            Optional<String> url = f.required("url").flatMap(n -> values.string(n, f.path("url")));
            url.filter(u -> !u.startsWith("jdbc:postgresql://")).ifPresent(u -> values.problems().add(
                    f.node("url").orElseThrow(), f.path("url"), "'" + u + "' is not a PostgreSQL JDBC URL",
                    "write jdbc:postgresql://HOST:PORT/DATABASE"));
            BackupPolicy backup = f.optional("backup").flatMap(n -> backup(n, f.path("backup"))).orElse(null);
            RecoveryTargets recovery = f.optional("recovery").flatMap(n -> recovery(n, f.path("recovery")))
                    .orElse(null);
            var onFailure = f.choice("on_migration_failure", DatabaseSettings.MigrationFailure.class).orElse(null);
            return url.map(u -> new DatabaseSettings(u, f.string("user").orElse(null),
                    f.string("password").orElse(null), f.string("migrations").orElse(null), backup, onFailure,
                    recovery, f.choice("layout", DatabaseSettings.MigrationLayout.class).orElse(null),
                    f.string("migrate_command").orElse(null)));
        });
    }

    /** {@code backup:} may be written empty to ask for the default policy. */
    private Optional<BackupPolicy> backup(Node node, String path) {
        if (node instanceof Node.Scalar s && s.isNull()) {
            return Optional.of(BackupPolicy.defaults());
        }
        return Fields.of(node, path, values, "a map with folder, format, jobs, keep, max_age").map(f -> {
            f.allowOnly(BACKUP_KEYS);
            int jobs = f.integer("jobs").orElse(1);
            Integer keep = f.integer("keep").orElse(null);
            if (jobs < 1 || (keep != null && keep < 1)) {
                values.problems().add(f.mapping(), path, "jobs and keep must be 1 or more");
            }
            return new BackupPolicy(f.string("folder").orElse(null),
                    f.choice("format", BackupPolicy.Format.class).orElse(null), jobs, keep,
                    f.duration("max_age").orElse(null));
        });
    }

    private Optional<RecoveryTargets> recovery(Node node, String path) {
        return Fields.of(node, path, values, "a map with rto, rpo and checks").map(f -> {
            f.allowOnly(RECOVERY_KEYS);
            List<SqlCheck> checks = new ArrayList<>();
            f.optional("checks").ifPresent(n -> {
                List<Node> items = values.list(n, f.path("checks"), "a list of checks (sql, rows, value)");
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), Problems.item(f.path("checks"), i)).ifPresent(checks::add);
                }
            });
            return new RecoveryTargets(f.duration("rto").orElse(null), f.duration("rpo").orElse(null), checks);
        });
    }

    /** One SQL assertion: {@code sql} plus optional {@code rows} and {@code value}. */
    Optional<SqlCheck> check(Node node, String path) {
        return Fields.of(node, path, values, "a map with sql and optionally rows or value").flatMap(f -> {
            f.allowOnly(List.of("sql", "rows", "value"));
            Optional<String> sql = f.required("sql").flatMap(n -> values.string(n, f.path("sql")));
            Integer rows = f.integer("rows").orElse(null);
            String value = f.optional("value").flatMap(n -> values.text(n, f.path("value"))).orElse(null);
            return sql.map(s -> new SqlCheck(s, rows, value));
        });
    }
}
