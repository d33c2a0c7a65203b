package dev.shipshape.cli;

import dev.shipshape.app.Databases;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.runbook.DatabaseTarget;
import dev.shipshape.runbook.Runbook;
import java.io.Console;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every {@code db} command on an environment shares, and the work they build from them. */
final class DbTarget {

    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Option(names = "--env", required = true, description = "Environment whose database to use")
    String environment;
    @Option(names = "--secrets", paramLabel = "FILE", description = "NAME=value file, mode 0600 (default: "
            + ".shipshape/secrets)")
    Path secretsFile;

    /** Options built by a command that cannot mix in the runbook parameter (its parameters are files or pids). */
    static DbTarget of(Path runbookFile, String environment, Path secretsFile) {
        DbTarget target = new DbTarget();
        target.runbook = new Options.RunbookFile();
        target.runbook.file = runbookFile;
        target.store = new Options.StoreOption();
        target.environment = environment;
        target.secretsFile = secretsFile;
        return target;
    }

    /** The runbook's environment and its database, or a clear error. */
    DatabaseTarget target(Context context, Runbook loaded) {
        return context.app.databases().target(loaded, environment);
    }

    /** The database as the use cases take it: read from the runbook option, progress on stderr. */
    Databases.DatabaseRequest request(Context context) {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        return new Databases.DatabaseRequest(RunbookFiles.of(loaded), environment, secretsFile, context.actor(),
                line -> context.err.println(line));
    }

    /** Everything a command needs to work on the database, secrets revealed in memory only. */
    DatabaseWork work(Context context, PostgresRecords records) {
        return context.app.databases().work(request(context), records);
    }

    /** Work that needs no connection (listing backups): no secrets are looked up. */
    DatabaseWork offline(Context context) {
        return context.app.databases().offline(request(context));
    }

    /** Asks on a terminal; without one, only {@code --yes} confirms. */
    static boolean confirmed(Context context, boolean yes, String question) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null || !context.terminal.interactive()) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
