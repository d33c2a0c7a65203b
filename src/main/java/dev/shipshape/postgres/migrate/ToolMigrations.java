package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.lint.SqlStatements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prisma's or Supabase's migrations, applied by Shipshape: each pending file in order, in a transaction of its
 * own that also writes the tool's history row, so a failing file leaves nothing of itself behind (the ones
 * before it stay applied). A transaction cannot hold {@code CREATE INDEX CONCURRENTLY}: such a file fails.
 */
final class ToolMigrations implements Migrations {

    private final DatabaseAddress address;
    private final MigrationFolder folder;
    private final HistoryTable history;

    ToolMigrations(DatabaseAddress address, MigrationFolder folder, HistoryTable history) {
        this.address = address;
        this.folder = folder;
        this.history = history;
    }

    @Override
    public List<State> status() {
        Map<String, HistoryTable.Row> applied = applied();
        List<State> states = new ArrayList<>();
        for (MigrationFolder.Migration m : folder.migrations()) {
            HistoryTable.Row row = applied.remove(m.key());
            states.add(new State(m.version(), m.name(), folder.shown(m.file()), row == null ? "Pending"
                    : row.failed() ? "Failed" : "Success", row == null ? null : row.installedOn()));
        }
        applied.values().forEach(row -> states.add(new State(row.key(), "", "", "Missing", row.installedOn())));
        return states;
    }

    @Override
    public List<Path> pendingFiles() {
        return pending().stream().map(MigrationFolder.Migration::file).toList();
    }

    @Override
    public List<String> validate() {
        Map<String, HistoryTable.Row> applied = applied();
        List<String> problems = new ArrayList<>();
        for (MigrationFolder.Migration m : folder.migrations()) {
            HistoryTable.Row row = applied.remove(m.key());
            if (row != null && row.failed()) {
                problems.add(folder.shown(m.file()) + ": failed when it was applied (no finished_at in "
                        + history.table() + "); resolve it with the tool before migrating");
            } else if (row != null && row.checksum() != null && !row.checksum().equals(checksum(read(m.file())))) {
                problems.add(folder.shown(m.file()) + ": changed after it was applied (its checksum differs from "
                        + history.table() + ")");
            }
        }
        applied.keySet().forEach(key -> problems.add(key + ": applied (in " + history.table() + ") but missing "
                + "from " + folder.folder()));
        return problems;
    }

    @Override
    public List<String> apply() {
        try (Connection lock = address.connect()) {
            hold(lock);
            return applyPending();
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "could not apply migrations in " + folder.folder() + ": "
                    + e.getMessage().strip());
        }
    }

    /** Waits up to 10 s for the history's advisory lock, held until {@code lock} closes. */
    private void hold(Connection lock) throws SQLException {
        try (Statement st = lock.createStatement()) {
            st.execute("SET lock_timeout = '10s'");
            st.execute("SELECT pg_advisory_lock(" + history.advisoryLock() + ")");
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "another migration of " + address + " is running (it holds "
                    + "advisory lock " + history.advisoryLock() + " for " + history.table() + "): " + e.getMessage()
                    .strip());
        }
    }

    private List<String> applyPending() {
        List<String> applied = new ArrayList<>();
        for (MigrationFolder.Migration m : pending()) {
            applyOne(m, applied);
            applied.add(m.key().equals(m.version()) ? m.version() + "_" + m.name() : m.key());
        }
        return applied;
    }

    private void applyOne(MigrationFolder.Migration m, List<String> before) {
        String shown = folder.shown(m.file());
        byte[] content = read(m.file());
        List<SqlStatements.Located> statements = SqlStatements.located(shown, new String(content,
                java.nio.charset.StandardCharsets.UTF_8));
        try (Connection c = address.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                history.create(c);
                Timestamp started = now(st);
                for (SqlStatements.Located s : statements) {
                    run(st, s, shown, before);
                }
                history.record(c, m, checksum(content), statements.stream().map(SqlStatements.Located::text)
                        .toList(), started);
                c.commit();
            } catch (SQLException | ShipshapeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "could not apply " + shown + " (nothing of it was applied): "
                    + e.getMessage().strip());
        }
    }

    private static void run(Statement st, SqlStatements.Located s, String shown, List<String> before) {
        try {
            st.execute(s.text());
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "migration " + shown + ":" + s.line() + " failed: "
                    + e.getMessage().strip().replaceAll("\\s*\\n\\s*", " / ") + "; nothing of it was applied"
                    + (before.isEmpty() ? "" : " (applied before it: " + String.join(", ", before) + ")"));
        }
    }

    /** The migrations not in the history; refused while the history holds a failed one, as the tools refuse. */
    private List<MigrationFolder.Migration> pending() {
        Map<String, HistoryTable.Row> rows = applied();
        rows.values().stream().filter(HistoryTable.Row::failed).findFirst().ifPresent(row -> {
            throw new ShipshapeException(Code.FAILED, "migration " + row.key() + " failed when it was applied (no "
                    + "finished_at in " + history.table() + "); resolve it with the tool (prisma migrate resolve) "
                    + "before migrating again");
        });
        Set<String> applied = rows.keySet();
        return folder.migrations().stream().filter(m -> !applied.contains(m.key())).toList();
    }

    /** The history's rows by key; a later row of a key replaces an earlier one. */
    private Map<String, HistoryTable.Row> applied() {
        try (Connection c = address.connect()) {
            return history.rows(c).stream().collect(Collectors.toMap(HistoryTable.Row::key, r -> r, (a, b) -> b,
                    LinkedHashMap::new));
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "could not read " + history.table() + " on " + address + ": "
                    + e.getMessage().strip());
        }
    }

    private static Timestamp now(Statement st) throws SQLException {
        try (var rs = st.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "cannot read migration " + file + ": " + e.getMessage());
        }
    }

    /** SHA-256 of the file, lower-case hex: Prisma's checksum. */
    static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
