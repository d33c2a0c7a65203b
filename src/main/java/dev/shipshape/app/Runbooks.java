package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.yaml.RunbookLoader;
import dev.shipshape.runbook.yaml.RunbookText;
import dev.shipshape.steps.StepKinds;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads runbooks for the use cases: from a file (problems name it relative to the home) or from the text a
 * run recorded when it started.
 */
public final class Runbooks {

    /** A loaded runbook and the exact text it came from (recorded on a run, so resume plans the same run). */
    public record Loaded(Runbook runbook, Path path, String text) {
    }

    private final Path home;
    private final Map<String, String> env;

    Runbooks(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** @throws ShipshapeException NOT_FOUND when the file is missing or unreadable; InvalidRunbookException */
    public Loaded read(Path file) {
        Path path = home.resolve(file).normalize();
        String text;
        try {
            text = RunbookText.read(path, shown(path), RunbookText.maxBytes(env));
        } catch (NoSuchFileException e) {
            throw new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "runbook not found: " + shown(path)
                    + "; pass the runbook file, or run where shipshape.yaml is");
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "cannot read runbook "
                    + shown(path) + ": " + e.getMessage());
        }
        return new Loaded(parse(path, text), path, text);
    }

    /** Parses text recorded for a run, at the path it was read from when the run started. */
    public Runbook parse(Path path, String text) {
        try {
            return new RunbookLoader(StepKinds.all()).parse(path, text);
        } catch (InvalidRunbookException e) {
            String shown = shown(path);
            throw new InvalidRunbookException(shown, e.problems().stream()
                    .map(p -> new Problem(shown, p.line(), p.column(), p.path(), p.message(), p.hint())).toList());
        }
    }

    /** The path relative to the home when it is inside it. */
    public String shown(Path path) {
        return path.startsWith(home) ? home.relativize(path).toString() : path.toString();
    }
}
