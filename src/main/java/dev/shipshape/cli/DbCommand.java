package dev.shipshape.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shipshape db ...}: PostgreSQL operations on an environment's database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "PostgreSQL operations: backup, restore, recovery drill, migrations, lint, diagnostics.",
        subcommands = {DbBackupCommand.class, DbBackupsCommand.class, DbRestoreCommand.class, DbVerifyCommand.class,
                DbMigrateCommand.class, DbStatusCommand.class, DbLintCommand.class, DbDiagnoseCommand.class,
                DbSignalCommand.Cancel.class, DbSignalCommand.Terminate.class, DbHistoryCommand.class})
final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a db command is needed, e.g. 'shipshape db "
                + "backup --env staging'");
    }
}
