package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code --help} answers on every command, including those whose own --version is the one to deploy. */
class HelpEverywhereTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void everyCommandAndSubcommandShowsItsUsage(String flag) {
        Cli cli = new Cli(folder);
        for (Class<?> type : ShipshapeCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            String name = type.getAnnotation(CommandLine.Command.class).name();
            if (name.equals("help")) {
                continue;
            }
            assertHelp(cli, flag, name);
            for (Class<?> sub : type.getAnnotation(CommandLine.Command.class).subcommands()) {
                assertHelp(cli, flag, name, sub.getAnnotation(CommandLine.Command.class).name());
            }
        }
    }

    private static void assertHelp(Cli cli, String flag, String... command) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of(flag))
                .toArray(String[]::new);
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(0);
        assertThat(result.out()).as(String.join(" ", args)).startsWith("Usage: shipshape " + String.join(" ", command));
    }
}
