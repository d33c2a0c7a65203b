package dev.shipshape.cli;

import dev.shipshape.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command or option that does not exist, with the closest one that does:
 * {@code unknown command 'deplyo': did you mean 'deploy'?}.
 *
 * @param kind       {@code command} or {@code option}
 * @param word       what was typed ({@code --evn} of {@code --evn=staging})
 * @param suggestion the closest existing name, or null
 * @param known      the names there are, for a command typed too far from any of them
 */
record Mistyped(String kind, String word, String suggestion, List<String> known) {

    /**
     * The first unmatched argument of a usage error, when it names no command or option there is. picocli
     * reports a missing required option before an unknown one, so {@code --evn} is looked for in both.
     */
    static Optional<Mistyped> of(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : command.getUnmatchedArguments();
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        String argument = unmatched.get(0);
        if (argument.startsWith("-") && argument.length() > 1) {
            return Optional.of(option(argument.split("=", 2)[0], command.getCommandSpec().options()));
        }
        if (command.getSubcommands().isEmpty()) {
            return Optional.empty();
        }
        List<String> names = List.copyOf(command.getSubcommands().keySet());
        return Optional.of(new Mistyped("command", argument, Suggestions.closest(argument, names).orElse(null), names));
    }

    /**
     * Compared without their dashes, a long option with long ones and a short with short ones, so that
     * neither {@code -x} nor {@code --override} is taken for {@code -o}.
     */
    private static Mistyped option(String word, List<OptionSpec> options) {
        Map<String, String> byBareName = new LinkedHashMap<>();
        options.stream().flatMap(o -> java.util.Arrays.stream(o.names()))
                .filter(name -> name.startsWith("--") == word.startsWith("--")).forEach(name -> byBareName.putIfAbsent(bare(name), name));
        String suggestion = Suggestions.closest(bare(word), byBareName.keySet()).map(byBareName::get).orElse(null);
        return new Mistyped("option", word, suggestion, List.copyOf(byBareName.values()));
    }

    private static String bare(String name) {
        return name.replaceFirst("^-+", "");
    }

    /** {@code unknown command 'deplyo': did you mean 'deploy'?} */
    String message() {
        String unknown = "unknown " + kind + " '" + word + "'";
        if (suggestion != null) {
            return unknown + ": did you mean '" + suggestion + "'?";
        }
        return kind.equals("command") ? unknown + "; commands: " + String.join(", ", known) : unknown;
    }
}
