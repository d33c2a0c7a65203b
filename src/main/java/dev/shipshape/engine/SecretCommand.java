package dev.shipshape.engine;

import dev.shipshape.runbook.Placeholders;
import dev.shipshape.runbook.Placeholders.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command whose {@code ${secret:NAME}} references read an environment variable instead of holding
 * the value, so that no secret is in the process's command line ({@code /proc/PID/cmdline} is
 * readable by every local user; the environment only by the same user).
 *
 * @param text        the command for bash: {@code ${secret:DEPLOY_TOKEN}} became {@code ${SHIPSHAPE_SECRET_DEPLOY_TOKEN}}
 * @param environment the variables it reads, with the secrets' values
 */
public record SecretCommand(String text, Map<String, String> environment) {

    public static final String PREFIX = "SHIPSHAPE_SECRET_";

    /** A secret that is not known stays a reference, as {@link Secrets#reveal} leaves it. */
    public static SecretCommand of(String command, Secrets secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (command == null || !command.contains("${secret:")) {
            return new SecretCommand(command, environment);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        String text = Placeholders.replace(command, p -> {
            String reference = "${" + p.source() + "}";
            String value = p.kind() == Kind.SECRET ? secrets.reveal(reference) : reference;
            if (value.equals(reference)) {
                return reference;
            }
            String variable = variables.computeIfAbsent(p.name(), name -> variable(name, environment));
            environment.put(variable, value);
            return "${" + variable + "}";
        });
        return new SecretCommand(text, environment);
    }

    /** {@code SHIPSHAPE_SECRET_} and the name in letters, digits and '_', numbered if two names end up alike. */
    private static String variable(String name, Map<String, String> taken) {
        String base = PREFIX + name.replaceAll("[^A-Za-z0-9_]", "_");
        String variable = base;
        for (int n = 2; taken.containsKey(variable); n++) {
            variable = base + "_" + n;
        }
        return variable;
    }
}
