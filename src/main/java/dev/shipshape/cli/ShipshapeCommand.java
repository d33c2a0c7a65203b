package dev.shipshape.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: only dispatches to subcommands. */
@Command(name = "shipshape", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs deployment runbooks: checks, stages, rollback, and a record of everything.",
        subcommands = {ValidateCommand.class, PlanCommand.class, DeployCommand.class, RunCommand.class,
                ProceduresCommand.class, ScheduleCommand.class, ResumeCommand.class,
                CancelCommand.class, RunsCommand.class, ShowCommand.class, LogsCommand.class, UnlockCommand.class,
                RollbackCommand.class, StatusCommand.class, ChecklistCommand.class, ApproveCommand.class, RejectCommand.class,
                ConfirmCommand.class,
                DbCommand.class, GatesCommand.class, SchemaCommand.class, InitCommand.class, CompletionCommand.class,
                UserCommand.class, TokenCommand.class, AuditCommand.class, ServeCommand.class,
                DemoCommand.class, SampleServiceCommand.class, CommandLine.HelpCommand.class})
final class ShipshapeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'shipshape deploy'");
    }
}
