package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.postgres.lint.Linter;
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
                "Exit: 0 nothing unsafe, 5 something unsafe (not allowed by its file), 2 SQL that does not parse."})
final class DbLintCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--pg-version", defaultValue = "15", description = "PostgreSQL major version (default: "
            + "${DEFAULT-VALUE})")
    int pgVersion;
    @Parameters(arity = "1..*", paramLabel = "FILE.sql", description = "Migration files")
    List<Path> files;

    DbLintCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Linter linter = new Linter(pgVersion);
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            findings.addAll(linter.lint(file.toString(), read(context.cwd.resolve(file), file)));
        }
        if (output.json()) {
            context.out.println(DbJson.write(findings.stream().map(DbLintCommand::json).toList()));
        } else {
            findings.forEach(f -> LintText.lines(f).forEach(context.out::println));
            long unsafe = findings.stream().filter(Finding::blocking).count();
            context.out.println(findings.size() + " statement(s), " + unsafe + " unsafe");
        }
        return findings.stream().anyMatch(Finding::blocking) ? ExitCode.BLOCKED : ExitCode.SUCCEEDED;
    }

    private static String read(Path path, Path shown) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "SQL file not found: " + shown);
        } catch (IOException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "cannot read " + shown + ": " + e.getMessage());
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
        if (f.observed() != null) {
            out.put("observed", f.observed());
        }
        return out;
    }
}
