package dev.shipshape.postgres.trace;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.postgres.lint.EnvironmentFacts;
import dev.shipshape.postgres.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db lint --trace}: lints migrations for the server's version, then runs them on an empty
 * scratch copy of the environment's schema and puts what was observed (the lock actually held,
 * whether each table was rewritten) beside every verdict. The scratch database is dropped at the
 * end, whatever happened; the environment's database is only read (schema-only pg_dump).
 */
public final class MigrationTrace {

    private final DatabaseWork work;

    public MigrationTrace(DatabaseWork work) {
        this.work = work;
    }

    /** Findings of every statement of {@code files}, in order, each with its observation. */
    public List<Finding> trace(List<Path> files) {
        EnvironmentFacts facts = EnvironmentFacts.of(work);
        int major = facts.major();
        Linter linter = new Linter(major, facts.schema());
        List<Finding> out = new ArrayList<>();
        try (ScratchCopy copy = ScratchCopy.of(work, major);
             Connection runner = copy.address().connect(); Connection watcher = copy.address().connect()) {
            work.say("tracing on a scratch copy of the schema (" + copy.address().database() + ") ...");
            StatementTrace trace = new StatementTrace(runner, watcher);
            for (Path file : files) {
                String name = file.getFileName().toString();
                String sql = read(file);
                List<Finding> findings = linter.lint(name, sql);
                List<String> statements = Linter.statements(name, sql);
                for (int i = 0; i < findings.size(); i++) {
                    out.add(findings.get(i).observed(trace.observe(statements.get(i))));
                }
            }
        } catch (SQLException e) {
            throw new ShipshapeException(Code.FAILED, "the trace on the scratch copy failed: "
                    + StatementTrace.firstLine(e.getMessage()) + "; the scratch database was dropped");
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "cannot read migration " + file + ": " + e.getMessage());
        }
    }
}
