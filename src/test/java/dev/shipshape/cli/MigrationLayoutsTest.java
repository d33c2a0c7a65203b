package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prisma ({@code prisma/migrations/TIMESTAMP_name/migration.sql}) and Supabase
 * ({@code supabase/migrations/TIMESTAMP_name.sql}) migrations through the real CLI: status, lint, migrate,
 * restore on failure, and the tools' own history tables as the tools write them.
 */
class MigrationLayoutsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "examples");
    @TempDir
    Path folder;
    private PostgresServer server;
    private String url;
    private Cli cli;

    @BeforeEach
    void database() {
        server = PostgresServer.get();
        url = server.createDatabase("layouts");
        cli = new Cli(folder);
        cli.env.put("DB_PASSWORD", server.password());
    }

    /** A runbook whose staging and production both use the test database and {@code migrations}. */
    private void runbook(String migrations) throws Exception {
        runbook(migrations, "");
    }

    private void runbook(String migrations, String more) throws Exception {
        String database = """
                database:
                  url: %s
                  user: %s
                  password: ${secret:DB_PASSWORD}
                  migrations: %s
                  on_migration_failure: restore
                  backup:
                    keep: 5
                """.formatted(jdbc(), server.user(), migrations) + more;
        cli.write("shipshape.yaml", "service: app\nenvironments:\n  staging:\n" + database.indent(4)
                + "  production:\n" + database.indent(4) + "stages:\n  - name: noop\n    steps:\n"
                + "      - run: \"true\"\n");
    }

    private String jdbc() {
        return url.substring(0, url.indexOf('?'));
    }

    @Test
    void prismaStatusListsPendingAndMigrateRecordsEachAsPrismaDoes() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        runbook("prisma/migrations");

        Cli.Result before = cli.run("db", "status", "--env", "staging");
        Cli.Result migrate = cli.run("db", "migrate", "--env", "staging");
        Cli.Result after = cli.run("db", "status", "--env", "staging");

        assertThat(before.exitCode()).as(before.out() + before.err()).isZero();
        assertThat(before.out()).contains("20251101090000_init/migration.sql", "Pending", "2 pending")
                .doesNotContain("Unrecognised");
        assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
        assertThat(migrate.out()).startsWith("applied 20251101090000_init, 20251202100000_add_user_roles")
                .contains("(backup backup_");
        assertThat(after.out()).contains("Success", "0 pending").doesNotContain("problem");
        List<List<String>> rows = rows("SELECT migration_name, checksum, finished_at IS NOT NULL, logs IS NULL, "
                + "rolled_back_at IS NULL, applied_steps_count, length(id), started_at <= finished_at "
                + "FROM _prisma_migrations ORDER BY started_at");
        assertThat(rows).containsExactly(
                List.of("20251101090000_init", sha256("prisma/migrations/20251101090000_init/migration.sql"),
                        "t", "t", "t", "1", "36", "t"),
                List.of("20251202100000_add_user_roles",
                        sha256("prisma/migrations/20251202100000_add_user_roles/migration.sql"),
                        "t", "t", "t", "1", "36", "t"));
        assertThat(rows("SELECT role FROM \"User\" LIMIT 0")).isEmpty();
        cli.run("db", "backup", "--env", "staging", "--label", "after");
        assertThat(cli.run("db", "backups", "--env", "staging").out())
                .contains("schema 20251202100000_add_user_roles");
    }

    @Test
    void prismaMigrationThatFailsIsRestoredWithItsHistory() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        runbook("prisma/migrations");
        assertThat(cli.run("db", "migrate", "--env", "staging").exitCode()).isZero();
        cli.write("prisma/migrations/20251203000000_add_name/migration.sql",
                "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n");
        cli.write("prisma/migrations/20251204000000_broken/migration.sql",
                "ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;\nALTER TABLE \"Nope\" ADD COLUMN \"x\" INT;\n");

        Cli.Result failed = cli.run("db", "migrate", "--env", "staging");
        Cli.Result status = cli.run("db", "status", "--env", "staging");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).contains("migration 20251204000000_broken/migration.sql:2 failed",
                "relation \"Nope\" does not exist", "applied before it: 20251203000000_add_name",
                "restored backup backup_").doesNotContain("Exception");
        assertThat(rows("SELECT migration_name FROM _prisma_migrations ORDER BY started_at")).containsExactly(
                List.of("20251101090000_init"), List.of("20251202100000_add_user_roles"));
        assertThat(rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'User' "
                + "AND column_name IN ('name', 'nickname')")).isEmpty();
        assertThat(status.out()).contains("20251203000000_add_name/migration.sql", "2 pending");
    }

    @Test
    void prismaLintNamesTheMigrationAndPendingUnsafeOnesBlockProduction() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        runbook("prisma/migrations");
        assertThat(cli.run("db", "migrate", "--env", "staging").exitCode()).isZero();
        cli.write("prisma/migrations/20251203000000_role_index/migration.sql",
                "-- CreateIndex\nCREATE INDEX \"User_role_idx\" ON \"User\"(\"role\");\n");

        Cli.Result lint = cli.run("db", "lint", "prisma/migrations/20251203000000_role_index/migration.sql");
        Cli.Result blocked = cli.run("db", "migrate", "--env", "production");

        assertThat(lint.exitCode()).as(lint.out() + lint.err()).isEqualTo(ExitCode.BLOCKED);
        assertThat(lint.out()).contains("prisma/migrations/20251203000000_role_index/migration.sql:2", "UNSAFE",
                "CREATE INDEX CONCURRENTLY");
        assertThat(blocked.exitCode()).as(blocked.out() + blocked.err()).isEqualTo(ExitCode.BLOCKED);
        assertThat(blocked.err()).contains("block production", "20251203000000_role_index/migration.sql:2");
        assertThat(rows("SELECT count(*) FROM _prisma_migrations")).containsExactly(List.of("2"));
    }

    @Test
    void prismaStatusReportsChangedMissingAndFailedMigrationsAndMigrateRefusesAfterAFailedOne() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        runbook("prisma/migrations");
        assertThat(cli.run("db", "migrate", "--env", "staging").exitCode()).isZero();
        cli.write("prisma/migrations/20251101090000_init/migration.sql", "-- edited after it was applied\n");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at) "
                    + "VALUES ('00000000-0000-0000-0000-000000000001', 'x', '20251130000000_gone', now(), now())");
        }
        cli.write("prisma/migrations/20251203000000_next/migration.sql", "SELECT 1;\n");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES "
                    + "('00000000-0000-0000-0000-000000000002', 'x', '20251203000000_next', now())");
        }

        Cli.Result status = cli.run("db", "status", "--env", "staging");
        Cli.Result migrate = cli.run("db", "migrate", "--env", "staging");

        assertThat(status.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(status.out()).contains("20251203000000 Failed", "20251130000000_gone",
                "Missing", "problem: 20251101090000_init/migration.sql: changed after it was applied",
                "problem: 20251130000000_gone: applied (in _prisma_migrations) but missing",
                "problem: 20251203000000_next/migration.sql: failed when it was applied");
        assertThat(migrate.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(migrate.err()).contains("migration 20251203000000_next failed when it was applied",
                "prisma migrate resolve").doesNotContain("backup_");
    }

    @Test
    void prismaMigrateWaitsForPrismasOwnLockAndGivesUpSayingWhoHoldsIt() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        runbook("prisma/migrations");
        try (Connection prisma = DriverManager.getConnection(url); Statement st = prisma.createStatement()) {
            st.execute("SELECT pg_advisory_lock(72707369)");

            Cli.Result refused = cli.run("db", "migrate", "--env", "staging");

            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCode.FAILED);
            assertThat(refused.err()).contains("another migration of database", "advisory lock 72707369",
                    "_prisma_migrations");
        }
        assertThat(rows("SELECT to_regclass('_prisma_migrations') IS NULL")).containsExactly(List.of("t"));
    }

    @Test
    void supabaseStatusLintAndMigrateUseSchemaMigrationsAsTheSupabaseCliDoes() throws Exception {
        copyExample("supabase-app", "supabase/migrations");
        runbook("supabase/migrations");

        Cli.Result before = cli.run("db", "status", "--env", "staging");
        Cli.Result lint = cli.run("db", "lint", "supabase/migrations/20251202100000_add_avatar.sql");
        Cli.Result migrate = cli.run("db", "migrate", "--env", "staging");
        Cli.Result after = cli.run("db", "status", "--env", "staging");

        assertThat(before.out()).contains("20251101090000", "create_profiles", "20251101090000_create_profiles.sql",
                "2 pending");
        assertThat(lint.exitCode()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("supabase/migrations/20251202100000_add_avatar.sql:1");
        assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
        assertThat(migrate.out()).startsWith("applied 20251101090000_create_profiles, 20251202100000_add_avatar");
        assertThat(after.out()).contains("Success", "0 pending");
        assertThat(rows("SELECT version, name, array_length(statements, 1), statements[1] "
                + "FROM supabase_migrations.schema_migrations ORDER BY version")).containsExactly(
                List.of("20251101090000", "create_profiles", "2", "create table public.profiles (\n  id uuid primary "
                        + "key,\n  username text unique,\n  updated_at timestamptz default now()\n)"),
                List.of("20251202100000", "add_avatar", "1", "alter table public.profiles add column avatar_url text"));
    }

    @Test
    void supabaseFailingMigrationIsRestoredAndLeavesNoHistoryRow() throws Exception {
        copyExample("supabase-app", "supabase/migrations");
        runbook("supabase/migrations");
        cli.write("supabase/migrations/20251203000000_broken.sql", "insert into public.profiles (id) values (1);\n");

        Cli.Result failed = cli.run("db", "migrate", "--env", "staging");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).contains("migration 20251203000000_broken.sql:1 failed", "restored backup backup_");
        assertThat(rows("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL, "
                + "to_regclass('public.profiles') IS NULL")).containsExactly(List.of("t", "t"));
    }

    @Test
    void prismaAndSupabaseExamplesDeployWithThePostgresMigrateStep() throws Exception {
        for (String example : List.of("prisma-app", "supabase-app")) {
            Path copy = Files.createDirectories(folder.resolve(example));
            copyTree(EXAMPLES.resolve(example), copy);
            String database = server.createDatabase(example.replace('-', '_'));
            Files.writeString(copy.resolve("shipshape.yaml"), Files.readString(copy.resolve("shipshape.yaml"))
                    .replaceAll("jdbc:postgresql://127.0.0.1:\\d+/\\w+", database.substring(0, database.indexOf('?')))
                    .replaceAll("user: (app|postgres)\\n", "user: " + server.user() + "\n"));

            Cli own = new Cli(copy);
            own.env.put("DB_PASSWORD", server.password());
            Cli.Result deploy = own.run("deploy", "--env", "staging", "--version", "1.0");

            assertThat(deploy.exitCode()).as(example + ": " + deploy.out() + deploy.err()).isZero();
            assertThat(deploy.out()).contains("[ok]   migrate/1");
        }
    }

    @Test
    void theTeamsOwnCommandRunsAfterTheLintAndBackupAndReportsWhatItApplied() throws Exception {
        copyExample("supabase-app", "supabase/migrations");
        cli.write("record.sql", "create schema supabase_migrations; create table supabase_migrations.schema_migrations"
                + " (version text primary key, statements text[], name text); insert into supabase_migrations."
                + "schema_migrations values ('20251101090000', null, 'create_profiles'), ('20251202100000', null, "
                + "'add_avatar');\n");
        runbook("supabase/migrations", "  migrate_command: echo \"connecting to $DATABASE_URL\" && " + psql()
                + " \"$DATABASE_URL\" -q -v ON_ERROR_STOP=1 -f supabase/migrations/20251101090000_create_profiles.sql"
                + " -f supabase/migrations/20251202100000_add_avatar.sql -f record.sql\n");

        Cli.Result migrate = cli.run("db", "migrate", "--env", "staging");
        Cli.Result status = cli.run("db", "status", "--env", "staging");

        assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
        assertThat(migrate.out()).startsWith("applied 20251101090000_create_profiles.sql, "
                + "20251202100000_add_avatar.sql (backup backup_");
        assertThat(migrate.err()).contains("running migrate_command", "connecting to postgresql://***@");
        assertThat(migrate.out() + migrate.err()).doesNotContain(server.password());
        assertThat(status.out()).contains("0 pending");
        assertThat(rows("SELECT count(*) FROM profiles")).containsExactly(List.of("0"));
    }

    @Test
    void theTeamsOwnCommandFailingRestoresTheBackupAndSaysWhatItPrinted() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        runbook("prisma/migrations", "  migrate_command: >-\n    " + psql() + " \"$DATABASE_URL\" -q -c 'create table "
                + "half_done (id int)' && echo 'Error: P3018 A migration failed to apply' && exit 1\n");

        Cli.Result failed = cli.run("db", "migrate", "--env", "staging");

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).contains("exited 1: Error: P3018 A migration failed to apply",
                "restored backup backup_").doesNotContain("Exception");
        assertThat(rows("SELECT to_regclass('half_done') IS NULL")).containsExactly(List.of("t"));
    }

    @Test
    void unsafePendingMigrationsBlockProductionBeforeTheTeamsCommandRuns() throws Exception {
        copyExample("prisma-app", "prisma/migrations");
        cli.write("prisma/migrations/20251203000000_role_index/migration.sql",
                "CREATE INDEX \"User_role_idx\" ON \"User\"(\"role\");\n");
        runbook("prisma/migrations", "  migrate_command: touch ran\n");

        Cli.Result blocked = cli.run("db", "migrate", "--env", "production");

        assertThat(blocked.exitCode()).as(blocked.out() + blocked.err()).isEqualTo(ExitCode.BLOCKED);
        assertThat(blocked.err()).contains("20251203000000_role_index/migration.sql:1");
        assertThat(folder.resolve("ran")).doesNotExist();
    }

    @Test
    void planShowsTheMigrationsFolderLayoutAndTheTeamsCommand() throws Exception {
        runbook("prisma/migrations", "  layout: prisma\n  migrate_command: npx prisma migrate deploy\n");
        cli.write("shipshape.yaml", Files.readString(folder.resolve("shipshape.yaml")).replace("      - run: \"true\"\n",
                "      - postgres.migrate:\n"));

        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "1");

        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("migrations prisma/migrations (layout prisma)",
                "applied by migrate_command: npx prisma migrate deploy");
        assertThat(folder.resolve("ran")).doesNotExist();
    }

    private static String psql() {
        return PostgresServer.get().binDir().resolve("psql").toString();
    }

    private void copyExample(String example, String migrations) throws Exception {
        copyTree(EXAMPLES.resolve(example).resolve(migrations), Files.createDirectories(folder.resolve(migrations)));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private String sha256(String file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(folder.resolve(file))));
    }

    private List<List<String>> rows(String query) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
