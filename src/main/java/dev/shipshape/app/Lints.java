package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.postgres.lint.EarlierMigrations;
import dev.shipshape.postgres.lint.EnvironmentFacts;
import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.postgres.lint.Linter;
import dev.shipshape.postgres.lint.Schema;
import dev.shipshape.postgres.migrate.Migrations;
import dev.shipshape.postgres.trace.MigrationTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The migration safety lint: statically over SQL files, or traced on a scratch copy of an environment's schema. */
public final class Lints {

    /**
     * @param files       SQL files, folders of them or globs, relative to the home (see {@link SqlFiles})
     * @param pgVersion   the PostgreSQL major version judged for, unless the environment's server says otherwise
     * @param schemaFile  SQL defining the schema the migrations run against, or null
     * @param environment whose catalog gives the schema facts and the server version (read only), or null
     */
    public record LintRequest(List<String> files, int pgVersion, Path schemaFile,
                              Databases.DatabaseRequest environment) {
    }

    /** @param files the SQL to run, or none for the environment's pending migrations */
    public record TraceRequest(Databases.DatabaseRequest environment, List<String> files) {
    }

    private final Shipshape app;

    Lints(Shipshape app) {
        this.app = app;
    }

    /** Every statement's verdict, lock and safer alternative; facts from the environment, the schema file, earlier migrations. */
    public List<Finding> lint(LintRequest request) {
        Schema schema = Schema.unknown();
        int version = request.pgVersion();
        if (request.environment() != null) {
            EnvironmentFacts facts = EnvironmentFacts.of(app.databases().work(request.environment(),
                    PostgresRecords.NONE));
            schema = facts.schema();
            version = facts.major();
        }
        Path home = app.settings().home();
        if (request.schemaFile() != null) {
            Linter.learn(schema, request.schemaFile().toString(), read(new SqlFiles.SqlFile(
                    home.resolve(request.schemaFile()), request.schemaFile().toString())));
        }
        List<SqlFiles.SqlFile> named = SqlFiles.resolve(home, request.files());
        for (Path earlier : EarlierMigrations.before(named.stream().map(SqlFiles.SqlFile::path).toList())) {
            Linter.learn(schema, earlier.getFileName().toString(), read(new SqlFiles.SqlFile(earlier,
                    earlier.getFileName().toString())));
        }
        Linter linter = new Linter(version, schema);
        List<Finding> findings = new ArrayList<>();
        for (SqlFiles.SqlFile file : named) {
            findings.addAll(linter.lint(file.shown(), read(file)));
        }
        return findings;
    }

    /** What PostgreSQL did with each statement on a scratch copy of the environment's schema (dropped afterwards). */
    public List<Finding> trace(TraceRequest request) {
        DatabaseWork work = app.databases().work(request.environment(), PostgresRecords.NONE);
        List<SqlFiles.SqlFile> named = SqlFiles.resolve(app.settings().home(), request.files());
        named.forEach(Lints::read);
        List<Path> run = request.files().isEmpty()
                ? Migrations.of(work.address(), Databases.migrations(work), work.target().settings().layout())
                        .pendingFiles()
                : named.stream().map(SqlFiles.SqlFile::path).toList();
        return new MigrationTrace(work).trace(run);
    }

    private static String read(SqlFiles.SqlFile file) {
        try {
            return Files.readString(file.path());
        } catch (NoSuchFileException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "SQL file not found: " + file.shown());
        } catch (IOException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "cannot read " + file.shown() + ": " + e.getMessage());
        }
    }
}
