package dev.shipshape.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shipshape gates ...}: what the gates decided. */
@Command(name = "gates", mixinStandardHelpOptions = true,
        description = "Gate decisions: refusals included, which belong to no run.",
        subcommands = {GatesHistoryCommand.class})
final class GatesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a gates command is needed, e.g. 'shipshape"
                + " gates history --env production'");
    }
}
