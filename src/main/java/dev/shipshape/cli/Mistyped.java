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

    /** The first unmatched argument of a usage error, when it names no command or option there is. */
    static Optional<Mistyped> of(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String argument = unmatched.getUnmatched().get(0);
        CommandLine command = e.getCommandLine();
        if (argument.startsWith("-") && argument.length() > 1) {
            return Optional.of(option(argument.split("=", 2)[0], command.getCommandSpec().options()));
        }
        if (command.getSubcommands().isEmpty()) {
            return Optional.empty();
        }
        List<String> names = List.copyOf(command.getSubcommands().keySet());
        return Optional.of(new Mistyped("command", argument, Suggestions.closest(argument, names).orElse(null), names));
    }

    /** Compared without their dashes, so that {@code -x} is not taken for {@code -o}. */
    private static Mistyped option(String word, List<OptionSpec> options) {
        Map<String, String> byBareName = new LinkedHashMap<>();
        options.stream().flatMap(o -> java.util.Arrays.stream(o.names())).forEach(name -> byBareName.putIfAbsent(bare(name), name));
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
