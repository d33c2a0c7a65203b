package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Placeholders;
import dev.shipshape.runbook.Placeholders.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Durations and numbers written as {@code ${vars.NAME}}: their value depends on the environment. Reading the whole
 * runbook checks the value for every environment (a problem at the field's position for each environment whose
 * value does not fit) and keeps the first environment's; reading it for one environment (at plan time) takes that
 * environment's value.
 */
final class VarValues {

    private final String only;
    private Map<String, Map<String, String>> byEnvironment = Map.of();
    private boolean used;

    /** @param only the environment a runbook is read for; null to read it for all of them */
    VarValues(String only) {
        this.only = only;
    }

    /** The vars each environment sees (its own over the shared ones), known once the environments are read. */
    void environments(Map<String, Map<String, String>> vars) {
        this.byEnvironment = new LinkedHashMap<>(vars);
    }

    /** Whether some duration or number was written as a variable: then each environment needs its own reading. */
    boolean used() {
        return used;
    }

    static boolean refersToVars(Node node) {
        return node instanceof Node.Scalar s && s.value() instanceof String text
                && Placeholders.find(text).stream().anyMatch(p -> p.kind() == Kind.VAR);
    }

    /**
     * The value of a field written with variables, parsed by {@code parse}; empty (with a problem per environment
     * whose value is not {@code expected}) when it does not fit. An undefined variable is left to the reference check.
     */
    <T> Optional<T> value(Node.Scalar node, String path, Problems problems, Function<String, Optional<T>> parse,
                          String expected) {
        used = true;
        String text = (String) node.value();
        if (byEnvironment.isEmpty()) {
            problems.add(node, path, "'" + text + "' is not " + expected + "; variables in durations and numbers work"
                    + " in stages, steps, procedures and always", "write the value out here");
            return Optional.empty();
        }
        Optional<T> first = Optional.empty();
        boolean seen = false;
        for (var env : byEnvironment.entrySet()) {
            if (only != null && !only.equals(env.getKey())) {
                continue;
            }
            Optional<T> value = one(node, path, problems, parse, expected, env.getKey(), env.getValue(), text);
            if (!seen) {
                first = value;
                seen = true;
            }
        }
        return first;
    }

    private static <T> Optional<T> one(Node node, String path, Problems problems, Function<String, Optional<T>> parse,
                                       String expected, String environment, Map<String, String> vars, String text) {
        boolean[] undefined = {false};
        String resolved = Placeholders.replace(text, p -> {
            if (p.kind() != Kind.VAR) {
                return "${" + p.source() + "}";
            }
            String v = vars.get(p.name());
            undefined[0] |= v == null;
            return v == null ? "" : v;
        });
        if (undefined[0]) {
            return Optional.empty();
        }
        Optional<T> value = parse.apply(resolved.trim());
        if (value.isEmpty()) {
            String names = Placeholders.find(text).stream().filter(p -> p.kind() == Kind.VAR).map(p -> p.name())
                    .distinct().collect(java.util.stream.Collectors.joining(", "));
            problems.add(node, path, text + " is '" + resolved + "' in environment " + environment + ", which is not "
                    + expected, "fix " + names + " in environments." + environment + ".vars (or vars)");
        }
        return value;
    }
}
