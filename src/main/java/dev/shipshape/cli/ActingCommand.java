package dev.shipshape.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * A command line that changes something, as the audit log names it: the action ({@code deploy},
 * {@code db restore}, {@code checklist sign}) and its target, made only of names: the runbook's service and
 * the values of the options and parameters listed here. No other value is ever taken, so a secret, a
 * password or a token cannot end up in the log; {@code --reason} and {@code --comment} are left out too.
 */
record ActingCommand(String action, String target) {

    static final Set<String> ACTIONS = Set.of("deploy", "rollback", "run", "resume", "cancel", "unlock", "approve",
            "reject", "confirm", "db restore", "db migrate", "db backup", "db cancel", "db terminate", "user add", "user disable",
            "token create", "token revoke", "schedule run-due");
    /** Options whose values name the target, and how the target calls them, in the order they are written. */
    private static final Map<String, String> OPTIONS = ordered("--env", "env", "--version", "version", "--to", "to",
            "--sign", "item", "--step", "step", "--backup", "backup", "--user", "user", "--name", "name", "--role", "role", "--expires",
            "expires");
    /** Parameters (by label) whose values name the target. */
    private static final Map<String, String> PARAMETERS = ordered("PROCEDURE", "procedure", "RUN_ID", "run",
            "NAME", "user", "ID", "token");
    private static final String RUNBOOK = "RUNBOOK";

    /** The command this line runs, when it acts and is not a request for help; empty otherwise. */
    static Optional<ActingCommand> of(ParseResult parsed, Path cwd) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
                return Optional.empty();
            }
            leaf = leaf.subcommand();
        }
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return Optional.empty();
        }
        String name = leaf.commandSpec().qualifiedName(" ");
        String action = name.substring(name.indexOf(' ') + 1);
        if (action.equals("checklist") && leaf.hasMatchedOption("--sign")) {
            action = "checklist sign";
        } else if (!ACTIONS.contains(action)) {
            return Optional.empty();
        }
        return Optional.of(new ActingCommand(action, target(leaf, cwd)));
    }

    private static String target(ParseResult leaf, Path cwd) {
        List<String> parts = new ArrayList<>();
        service(leaf, cwd).ifPresent(s -> parts.add("service=" + s));
        for (PositionalParamSpec p : leaf.matchedPositionals()) {
            String key = PARAMETERS.get(p.paramLabel());
            if (key != null && p.getValue() != null) {
                parts.add(key + "=" + p.getValue());
            }
        }
        OPTIONS.forEach((option, key) -> {
            OptionSpec spec = leaf.matchedOption(option);
            if (spec != null && spec.getValue() != null) {
                parts.add(key + "=" + spec.getValue());
            }
        });
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The {@code service} of the command's runbook, read without validating it; empty when it has none. */
    private static Optional<String> service(ParseResult leaf, Path cwd) {
        Optional<PositionalParamSpec> runbook = leaf.commandSpec().positionalParameters().stream()
                .filter(p -> p.paramLabel().equals(RUNBOOK)).findFirst();
        if (runbook.isEmpty()) {
            return Optional.empty();
        }
        Object file = runbook.get().getValue();
        Path path = cwd.resolve(file == null ? "shipshape.yaml" : file.toString());
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            JsonNode service = new ObjectMapper(new YAMLFactory()).readTree(path.toFile()).path("service");
            return service.isTextual() ? Optional.of(service.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
