package dev.shipshape.plan;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.Placeholders;
import dev.shipshape.runbook.Placeholders.Placeholder;
import dev.shipshape.runbook.Runbook;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves references for one plan. Secret references are kept as they are (revealed only by the
 * executor); an unknown {@code ${previous_version}} stays too, so the step fails with a clear
 * reason if it ever runs. Unset {@code ${env:NAME}} without a {@code :-default} are collected and reported together.
 */
final class References {

    private final Map<String, String> vars = new HashMap<>();
    private final Map<String, String> processEnv;
    private final String environment;
    private final String version;
    private final String previousVersion;
    private final Map<String, String> missing = new LinkedHashMap<>();

    References(Runbook runbook, Environment env, String version, String previousVersion,
               Map<String, String> processEnv) {
        this.vars.putAll(runbook.vars());
        this.vars.putAll(env.vars());
        this.environment = env.name();
        this.version = version;
        this.previousVersion = previousVersion;
        this.processEnv = processEnv;
    }

    String environment() {
        return environment;
    }

    /** A variable's value for this environment (its own vars win over the shared ones), or null. */
    String variable(String name) {
        return vars.get(name);
    }

    String resolve(String text, String where) {
        return Placeholders.replace(text, p -> value(p, where));
    }

    private String value(Placeholder p, String where) {
        return switch (p.kind()) {
            case VERSION -> version != null ? version : "${version}";
            case ENVIRONMENT -> environment;
            case PREVIOUS_VERSION -> previousVersion != null ? previousVersion : "${previous_version}";
            case VAR -> resolve(vars.getOrDefault(p.name(), ""), where);
            case ENV -> envValue(p, where);
            case SECRET, RUN, UNKNOWN -> "${" + p.source() + "}";
        };
    }

    private String envValue(Placeholder p, String where) {
        String value = processEnv.get(p.name());
        if (p.fallback() != null && (value == null || value.isEmpty())) {
            return p.fallback();
        }
        if (value == null) {
            missing.putIfAbsent(p.name(), where);
            return "";
        }
        return value;
    }

    void failIfMissing() {
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        missing.forEach((name, where) -> message.append(message.isEmpty() ? "" : "; ")
                .append("environment variable ").append(name).append(" is not set (used by step ").append(where)
                .append(')'));
        throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, message + "; set it and try again");
    }
}
