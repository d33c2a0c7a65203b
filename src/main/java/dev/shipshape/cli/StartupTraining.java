package dev.shipshape.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training run for the JVM's ahead-of-time cache (JDK 25+): the launcher runs this once per build
 * with {@code -XX:AOTCacheOutput}, so that later commands start with the classes it used already
 * loaded and linked. It runs the everyday commands in one JVM (version, validate, plan, deploy of a
 * few {@code true} steps on an embedded store, runs, show, db lint) in a temporary folder it deletes.
 */
final class StartupTraining {

    private static final String RUNBOOK = """
            service: training
            environments:
              local: {}
            stages:
              - name: all
                steps:
                  - run: "true"
                  - run: "echo trained"
            """;
    private static final String MIGRATION = "CREATE INDEX training_name ON training (name);\n"
            + "ALTER TABLE training ADD COLUMN note text;\n";

    private StartupTraining() {
    }

    public static void main(String[] args) {
        List<String> failed = run();
        if (!failed.isEmpty()) {
            System.err.println("shipshape: startup training: these commands failed: " + String.join("; ", failed));
            System.exit(1);
        }
    }

    /** Runs the training commands; returns those that did not exit as expected (none when all is well). */
    static List<String> run() {
        Path folder = temporaryFolder();
        try {
            Files.writeString(folder.resolve("shipshape.yaml"), RUNBOOK);
            Files.writeString(folder.resolve("V2__training.sql"), MIGRATION);
            List<String> failed = new ArrayList<>();
            expect(folder, failed, ExitCode.SUCCEEDED, "--version");
            expect(folder, failed, ExitCode.SUCCEEDED, "validate");
            expect(folder, failed, ExitCode.SUCCEEDED, "plan", "--env", "local", "--version", "v1");
            expect(folder, failed, ExitCode.SUCCEEDED, "deploy", "--env", "local", "--version", "v1");
            expect(folder, failed, ExitCode.SUCCEEDED, "deploy", "--env", "local", "--version", "v2", "--output",
                    "json");
            expect(folder, failed, ExitCode.SUCCEEDED, "runs");
            expect(folder, failed, ExitCode.SUCCEEDED, "status", "--env", "local");
            expect(folder, failed, ExitCode.BLOCKED, "db", "lint", "V2__training.sql");
            expect(folder, failed, ExitCode.BLOCKED, "db", "lint", "--output", "json", "V2__training.sql");
            return failed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static void expect(Path folder, List<String> failed, int code, String... args) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Context context = new Context(folder, Map.of("SHIPSHAPE_USER", "training"), out, out,
                new Terminal(false), Clock.systemUTC());
        int exit = Main.run(context, args);
        if (exit != code) {
            failed.add(String.join(" ", args) + " exited " + exit + ": " + text.toString().strip());
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("shipshape-training");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
