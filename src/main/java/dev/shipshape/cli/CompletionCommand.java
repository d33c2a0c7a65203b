package dev.shipshape.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a shell completion script for every command and option, generated from the commands themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash or zsh. Install it for this shell with:",
                "  source <(shipshape completion bash)",
                "or for zsh: source <(shipshape completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    /** zsh runs bash completion scripts through its bashcompinit module. */
    static final String ZSH_PREAMBLE = """
            # zsh: load bash-style completion first
            autoload -U +X compinit && compinit
            autoload -U +X bashcompinit && bashcompinit
            """;

    /** The shells offered when completing this command itself. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("bash", "zsh").iterator();
        }
    }

    private final Context context;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh")
    String shell;

    CompletionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash("shipshape", spec.root().commandLine());
        switch (shell) {
            case "bash" -> context.out.print(script);
            case "zsh" -> context.out.print(ZSH_PREAMBLE + script);
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "no completion for shell '"
                    + shell + "'; shipshape completes in bash and zsh");
        }
        context.out.flush();
        return ExitCode.SUCCEEDED;
    }
}
