package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.DatabaseWork;
import dev.shipshape.postgres.PgTools;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.DatabaseTarget;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.secrets.SecretResolver;
import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
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
        var env = loaded.environment(environment).orElseThrow(() -> new ShipshapeException(Code.INVALID_INPUT,
                "environment '" + environment + "' is not defined in " + RunbookFiles.shown(context,
                        loaded.source()) + "; defined: " + String.join(", ", loaded.environments().keySet())));
        env.databaseIfAny().orElseThrow(() -> new ShipshapeException(Code.INVALID_INPUT, "environment '"
                + environment + "' declares no database; add environments." + environment
                + ".database with url, user and password"));
        // ${vars.NAME} and ${env:NAME} resolve as in a deployment's plan; secrets stay references until connecting
        return new Planner(context.env).database(loaded, environment);
    }

    /** Everything a command needs to work on the database, secrets revealed in memory only. */
    DatabaseWork work(Context context, PostgresRecords records) {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        DatabaseTarget target = target(context, loaded.runbook());
        var secrets = new SecretResolver(context.env, context.secretsFile(secretsFile))
                .forTexts(target.settings().user(), target.settings().password(), target.settings().url());
        DatabaseAddress address = DatabaseAddress.of(target.settings(), secrets);
        return new DatabaseWork(target, address, loaded.path().getParent(), new PgTools(context.env, context.processes), records,
                context.clock, null, context.user(), line -> context.err.println(line), () -> false,
                Duration.ofHours(8));
    }

    /** Work that needs no connection (listing backups): no secrets are looked up. */
    DatabaseWork offline(Context context) {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        return new DatabaseWork(target(context, loaded.runbook()), null, loaded.path().getParent(),
                new PgTools(context.env, context.processes), PostgresRecords.NONE, context.clock, null, context.user(),
                line -> context.err.println(line), () -> false, Duration.ZERO);
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
