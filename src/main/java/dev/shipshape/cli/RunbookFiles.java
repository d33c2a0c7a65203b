package dev.shipshape.cli;

import dev.shipshape.steps.StepKinds;
import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.yaml.RunbookLoader;
import dev.shipshape.runbook.yaml.RunbookText;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads runbooks for commands: from the user's file (problems name it as the user wrote it) or
 * from the text a run recorded when it started.
 */
final class RunbookFiles {

    /** A loaded runbook and the exact text it came from. */
    record Loaded(Runbook runbook, Path path, String text) {
    }

    private RunbookFiles() {
    }

    static Loaded read(Context context, Options.RunbookFile option) {
        Path path = option.resolve(context).normalize();
        String text;
        try {
            text = RunbookText.read(path, shown(context, path), RunbookText.maxBytes(context.env));
        } catch (NoSuchFileException e) {
            throw new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "runbook not found: " + shown(context, path)
                    + "; pass the runbook file, or run where shipshape.yaml is");
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "cannot read runbook "
                    + shown(context, path) + ": " + e.getMessage());
        }
        return new Loaded(parse(context, path, text), path, text);
    }

    /** Parses text recorded for a run, at the path it was read from when the run started. */
    static Runbook parse(Context context, Path path, String text) {
        try {
            return new RunbookLoader(StepKinds.all()).parse(path, text);
        } catch (InvalidRunbookException e) {
            String shown = shown(context, path);
            throw new InvalidRunbookException(shown, e.problems().stream()
                    .map(p -> new Problem(shown, p.line(), p.column(), p.path(), p.message(), p.hint())).toList());
        }
    }

    /** The path relative to the working directory when it is inside it. */
    static String shown(Context context, Path path) {
        return path.startsWith(context.cwd) ? context.cwd.relativize(path).toString() : path.toString();
    }
}
