package dev.shipshape.cli;

import dev.shipshape.app.Runbooks;
import dev.shipshape.runbook.Runbook;
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
        Runbooks.Loaded loaded = context.app.runbooks().read(option.resolve(context));
        return new Loaded(loaded.runbook(), loaded.path(), loaded.text());
    }

    /** Parses text recorded for a run, at the path it was read from when the run started. */
    static Runbook parse(Context context, Path path, String text) {
        return context.app.runbooks().parse(path, text);
    }

    /** The path relative to the working directory when it is inside it. */
    static String shown(Context context, Path path) {
        return context.app.runbooks().shown(path);
    }

    /** As the use cases take it. */
    static Runbooks.Loaded of(Loaded loaded) {
        return new Runbooks.Loaded(loaded.runbook(), loaded.path(), loaded.text());
    }
}
