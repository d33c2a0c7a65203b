package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.postgres.lint.EarlierMigrations;
import dev.shipshape.postgres.lint.EnvironmentFacts;
import dev.shipshape.postgres.lint.Linter;
import dev.shipshape.postgres.lint.Schema;
import dev.shipshape.postgres.migrate.Migrations;
import dev.shipshape.postgres.trace.MigrationTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The migration safety lint over SQL files, without any database. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Classify every statement of SQL migrations as safe, caution or unsafe, with the lock it "
                + "takes and a safer alternative. Needs no database.",
                "Schema facts (column types, indexes, validated NOT NULL checks, partitions) come from the earlier "
                        + "migrations in the same folder, from --schema FILE.sql, and with --env ENV from the "
                        + "environment's database catalog (read only; its server version is used too). Without them "
                        + "each verdict that needed a fact says what it assumed.",
                "With --trace --env ENV: runs the files (default: the environment's pending migrations) on an empty "
                        + "scratch copy of the environment's schema and shows the lock actually taken and whether "
                        + "each table was rewritten; the copy is dropped afterwards.",
                "Exit: 0 nothing unsafe, 5 something unsafe (not allowed by its file), 2 SQL that does not parse."})
final class DbLintCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--pg-version", defaultValue = "15", description = "PostgreSQL major version (default: "
            + "${DEFAULT-VALUE})")
    int pgVersion;
    @Option(names = "--trace", description = "Run the migrations on a scratch copy of the schema (needs --env)")
    boolean trace;
    @Option(names = "--env", description = "Environment whose catalog gives the schema facts and the server version "
            + "(read only), or whose schema --trace copies")
    String environment;
    @Option(names = "--schema", paramLabel = "FILE.sql", description = "SQL defining the schema the migrations run "
            + "against (e.g. a pg_dump --schema-only)")
    Path schemaFile;
    @Option(names = "--runbook", paramLabel = "FILE", description = "Runbook for --trace (default: shipshape.yaml)")
    Path runbookFile;
    @Option(names = "--secrets", paramLabel = "FILE", description = "NAME=value file, mode 0600")
    Path secretsFile;
    @Parameters(arity = "0..*", paramLabel = "FILE.sql|DIR|GLOB", description = "Migration files, folders of them "
            + "(every *.sql under it) or quoted globs such as 'db/migrations/V*.sql'")
    List<String> files = List.of();

    DbLintCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Finding> findings = trace ? traced() : linted();
        if (output.json()) {
            context.out.println(Json.snakeCase(findings.stream().map(DbLintCommand::json).toList()));
        } else {
            findings.forEach(f -> LintText.lines(f).forEach(context.out::println));
            long unsafe = findings.stream().filter(Finding::blocking).count();
            context.out.println(findings.size() + " statement(s), " + unsafe + " unsafe");
        }
        return findings.stream().anyMatch(Finding::blocking) ? ExitCode.BLOCKED : ExitCode.SUCCEEDED;
    }

    private List<Finding> linted() {
        if (files.isEmpty()) {
            throw new ShipshapeException(Code.INVALID_INPUT, "name the SQL files to lint, e.g. 'shipshape db lint "
                    + "db/migrations/V2__add_index.sql', or use --trace --env ENV for pending migrations");
        }
        Schema schema = Schema.unknown();
        int version = pgVersion;
        if (environment != null) {
            DatabaseWork work = DbTarget.of(runbookFile, environment, secretsFile).work(context, PostgresRecords.NONE);
            EnvironmentFacts facts = EnvironmentFacts.of(work);
            schema = facts.schema();
            version = facts.major();
        }
        if (schemaFile != null) {
            Linter.learn(schema, schemaFile.toString(), read(new SqlFiles.SqlFile(context.cwd.resolve(schemaFile),
                    schemaFile.toString())));
        }
        List<SqlFiles.SqlFile> named = SqlFiles.resolve(context.cwd, files);
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

    private List<Finding> traced() {
        if (environment == null) {
            throw new ShipshapeException(Code.INVALID_INPUT, "--trace needs --env ENV: the environment whose schema "
                    + "is copied to a scratch database");
        }
        DatabaseWork work = DbTarget.of(runbookFile, environment, secretsFile).work(context, PostgresRecords.NONE);
        List<SqlFiles.SqlFile> named = SqlFiles.resolve(context.cwd, files);
        named.forEach(DbLintCommand::read);
        List<Path> run = files.isEmpty() ? Migrations.of(work.address(), DbMigrateCommand.folder(work),
                work.target().settings().layout()).pendingFiles()
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

    static Map<String, Object> json(Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", f.file());
        out.put("line", f.line());
        out.put("statement", f.statement());
        out.put("verdict", f.verdict().word());
        out.put("lock", f.lock());
        out.put("rewrite", f.rewrite());
        out.put("app_compatible", f.appCompatible());
        out.put("reason", f.reason());
        out.put("alternative", f.alternative());
        out.put("allowed", f.allowance());
        out.put("relation", f.relation());
        out.put("pg_version", f.pgVersion());
        out.put("locks_out", f.locksOut());
        out.put("assumed", f.assumed());
        if (f.observed() != null) {
            out.put("observed", observed(f));
        }
        return out;
    }

    private static Map<String, Object> observed(Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lock", f.observed().lock());
        out.put("locked_on", f.observed().lockedOn());
        out.put("rewrite", f.observed().rewrote());
        out.put("rewritten", f.observed().rewritten());
        out.put("error", f.observed().error());
        out.put("differs_from_lint", f.observedDiffers());
        return out;
    }
}
