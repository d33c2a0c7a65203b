package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shipshape completion}: the scripts it prints, loaded by a real bash. */
class CompletionCommandTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void theBashScriptRegistersCompletionForShipshape() throws Exception {
        Path script = bashScript();

        String registered = bash("source " + script + "; complete -p shipshape");

        assertThat(registered).isEqualTo("complete -o default -F _complete_shipshape shipshape\n");
    }

    @Test
    void bashCompletesEveryCommandName() throws Exception {
        Path script = bashScript();

        String offered = bash("source " + script + "; COMP_WORDS=(shipshape ''); COMP_CWORD=1;"
                + " COMP_LINE='shipshape '; COMP_POINT=10; _complete_shipshape; printf '%s\\n' \"${COMPREPLY[@]}\"");

        List<String> names = Arrays.stream(ShipshapeCommand.class.getAnnotation(CommandLine.Command.class).subcommands())
                .map(type -> type.getAnnotation(CommandLine.Command.class).name()).toList();
        assertThat(names).contains("deploy", "rollback", "db", "init", "completion");
        assertThat(offered.lines().toList()).containsAll(names);
    }

    @Test
    void bashCompletesSubcommandsAndOptions() throws Exception {
        Path script = bashScript();

        String db = bash("source " + script + "; COMP_WORDS=(shipshape db ''); COMP_CWORD=2;"
                + " COMP_LINE='shipshape db '; COMP_POINT=13; _complete_shipshape; printf '%s\\n' \"${COMPREPLY[@]}\"");
        String init = bash("source " + script + "; COMP_WORDS=(shipshape init --he); COMP_CWORD=2;"
                + " COMP_LINE='shipshape init --he'; COMP_POINT=19; _complete_shipshape;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(db.lines().toList()).contains("backup", "restore", "migrate", "lint");
        assertThat(init.lines().toList()).containsExactlyInAnyOrder("--health-url", "--help");
    }

    @Test
    void theZshScriptLoadsBashCompletionFirst() {
        Cli.Result bash = cli.run("completion", "bash");
        Cli.Result zsh = cli.run("completion", "zsh");

        assertThat(zsh.exitCode()).isEqualTo(0);
        assertThat(zsh.out()).isEqualTo("""
                # zsh: load bash-style completion first
                autoload -U +X compinit && compinit
                autoload -U +X bashcompinit && bashcompinit
                """ + bash.out());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Cli.Result result = cli.run("completion", "fish");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("shipshape: no completion for shell 'fish'; shipshape completes in bash"
                + " and zsh\nRun 'shipshape completion --help' for usage.\n");
    }

    private Path bashScript() throws IOException {
        Cli.Result result = cli.run("completion", "bash");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        return Files.writeString(folder.resolve("shipshape-completion.bash"), result.out());
    }

    /** What bash prints on stdout; outside a real completion bash warns on stderr that compopt does nothing. */
    private String bash(String commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", commands)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(0);
        return output;
    }
}
