package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.audit.AuditRecord;
import dev.shipshape.store.Store;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place local commands are audited: picocli runs every command through this strategy, which runs it
 * as usual and then, for an {@link ActingCommand}, appends an entry with the acting person marked local, the
 * action, its target and the exit code. Only stores that exist are written: a command refused before it
 * opened any store (no runbook, say) leaves no store behind just for its entry, and a command that failed
 * because its store could not be opened or written is not tried there again.
 */
final class AuditedExecution implements CommandLine.IExecutionStrategy {

    private final Context context;
    private final CommandLine.IExecutionStrategy commands = new CommandLine.RunLast();

    AuditedExecution(Context context) {
        this.context = context;
    }

    @Override
    public int execute(ParseResult parsed) {
        Optional<ActingCommand> acting = ActingCommand.of(parsed, context.cwd);
        if (acting.isEmpty()) {
            return commands.execute(parsed);
        }
        int exitCode;
        try {
            exitCode = commands.execute(parsed);
        } catch (ParameterException e) {
            record(acting.get(), parsed, ExitCode.USAGE);
            throw e;
        } catch (ExecutionException e) {
            exitCode = handled(e, parsed);
            if (e.getCause() instanceof ShipshapeException failure && failure.code() == Code.STORE) {
                return exitCode; // the store could not be opened or written, and the user was told so
            }
        }
        record(acting.get(), parsed, exitCode);
        return exitCode;
    }

    /** What picocli itself does with a command that threw: the CLI's handler reports it and picks the exit code. */
    private static int handled(ExecutionException e, ParseResult parsed) {
        Exception cause = e.getCause() instanceof Exception failure ? failure : e;
        try {
            return e.getCommandLine().getExecutionExceptionHandler().handleExecutionException(cause,
                    e.getCommandLine(), parsed);
        } catch (Exception unhandled) {
            throw new ExecutionException(e.getCommandLine(), unhandled.getMessage(), unhandled);
        }
    }

    private void record(ActingCommand acting, ParseResult parsed, int exitCode) {
        String storeOption = leaf(parsed).matchedOptionValue("--store", null);
        if (!context.storeExists(storeOption)) {
            return;
        }
        AuditRecord entry = new AuditRecord(context.clock.instant(), context.user(), true, acting.action(),
                acting.target(), AuditRecord.LOCAL, outcome(exitCode));
        try (Store opened = context.openStore(storeOption)) {
            opened.audit().append(entry);
        } catch (ShipshapeException e) {
            if (exitCode != ExitCode.SUCCEEDED) {
                return; // the command's own failure was reported; a second line about the store adds nothing
            }
            context.err.println("shipshape: warning: this " + acting.action() + " was not recorded in the audit log: "
                    + e.getMessage());
        }
    }

    /** The exit code in words, as README's exit-code table names it: {@code rolled back (exit 3)}. */
    static String outcome(int exitCode) {
        String word = switch (exitCode) {
            case ExitCode.SUCCEEDED -> "succeeded";
            case ExitCode.FAILED -> "failed";
            case ExitCode.USAGE -> "usage error";
            case ExitCode.ROLLED_BACK -> "rolled back";
            case ExitCode.ROLLBACK_FAILED -> "rollback failed";
            case ExitCode.BLOCKED -> "blocked";
            default -> "ended";
        };
        return word + " (exit " + exitCode + ")";
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }
}
