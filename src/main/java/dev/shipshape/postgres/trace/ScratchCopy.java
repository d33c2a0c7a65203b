package dev.shipshape.postgres.trace;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.ChildProcess;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * An empty copy of a database's schema in a scratch database on the same server: a schema-only
 * pg_dump restored into {@code shipshape_trace_*}. Closing it drops the scratch database, so
 * nothing the traced migrations did survives, and the real database is only read by pg_dump.
 */
final class ScratchCopy implements AutoCloseable {

    private final DatabaseAddress scratch;
    private final DatabaseAddress maintenance;

    private ScratchCopy(DatabaseAddress scratch) {
        this.scratch = scratch;
        this.maintenance = scratch.withDatabase("postgres");
    }

    /** Creates the scratch database and restores the schema of {@code work}'s database into it. */
    static ScratchCopy of(DatabaseWork work, int serverMajor) {
        ScratchCopy copy = new ScratchCopy(work.address().withDatabase("shipshape_trace_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10)));
        copy.execute("CREATE DATABASE " + quoted(copy.scratch.database()));
        try {
            copy.fill(work, serverMajor);
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    DatabaseAddress address() {
        return scratch;
    }

    private void fill(DatabaseWork work, int serverMajor) {
        Path dump = null;
        try {
            dump = Files.createTempFile("shipshape-trace-", ".dump");
            run(work, List.of(work.tools().find("pg_dump", serverMajor).toString(), "--no-password",
                    "--schema-only", "--format=custom", "--file", dump.toString()), work.address());
            run(work, List.of(work.tools().find("pg_restore", serverMajor).toString(), "--no-password",
                    "--exit-on-error", "--no-owner", "--no-privileges", "--dbname=" + scratch.database(),
                    dump.toString()), scratch);
        } catch (IOException e) {
            throw new ShipshapeException(Code.FAILED, "cannot write the schema dump for the trace: " + e.getMessage());
        } finally {
            deleteQuietly(dump);
        }
    }

    private static void run(DatabaseWork work, List<String> argv, DatabaseAddress at) {
        ChildProcess.Result result = work.tools().programs().run(argv, at.childEnvironment(), null, work.timeout(),
                work.cancelled());
        if (!result.succeeded()) {
            String program = Path.of(argv.get(0)).getFileName().toString();
            throw new ShipshapeException(Code.FAILED, program + " of the schema of " + work.address() + " for the "
                    + "trace failed: " + at.redact(result.output().strip().lines().reduce((a, b) -> b).orElse(""))
                    + "; nothing was traced");
        }
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + quoted(scratch.database()) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = maintenance.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "could not run '" + sql + "' on " + maintenance + ": "
                    + maintenance.redact(e.getMessage()) + "; the trace needs a role with CREATEDB");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temp file left behind holds only the schema, no data
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
