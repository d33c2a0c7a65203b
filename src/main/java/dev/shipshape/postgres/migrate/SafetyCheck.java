package dev.shipshape.postgres.migrate;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.postgres.lint.EnvironmentFacts;
import dev.shipshape.postgres.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lint applied to pending migrations, for the server's own major version. */
final class SafetyCheck {

    private SafetyCheck() {
    }

    /** Environments where unsafe migrations are blocked: production ({@code prod}, {@code production-eu}, ...). */
    static boolean protectedEnvironment(String name) {
        return dev.shipshape.runbook.Environment.isProduction(name);
    }

    /** Findings name each file relative to {@code folder}: {@code V2__x.sql}, {@code 20240101_init/migration.sql}. */
    static List<Finding> lint(DatabaseAddress address, Path folder, List<Path> files) {
        EnvironmentFacts facts = EnvironmentFacts.of(address);
        Linter linter = new Linter(facts.major(), facts.schema());
        List<Finding> all = new ArrayList<>();
        for (Path file : files) {
            try {
                all.addAll(linter.lint(folder.relativize(file).toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new ShipshapeException(Code.FAILED, "cannot read migration " + file + ": " + e.getMessage());
            }
        }
        return all;
    }
}
