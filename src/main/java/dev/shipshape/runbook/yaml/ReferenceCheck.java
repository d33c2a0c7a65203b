package dev.shipshape.runbook.yaml;

import dev.shipshape.Suggestions;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.Placeholders;

import dev.shipshape.runbook.Placeholders.Kind;
import dev.shipshape.runbook.Placeholders.Placeholder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks every {@code ${...}} in the runbook before anything runs: unknown references, and
 * {@code ${vars.NAME}} that some environment would leave undefined. {@code env:} and {@code secret:}
 * are only known at run time, so they are left alone here.
 */
final class ReferenceCheck {

    private static final String EXPECTED =
            "expected version, environment, previous_version, vars.NAME, env:NAME, secret:NAME or (in always-steps)"
                    + " run.outcome";
    private static final List<String> BUILT_IN = List.of("version", "environment", "previous_version");

    private final Problems problems;
    private final Map<String, String> globalVars;
    private final Map<String, Environment> environments;
    private boolean inAlways;

    ReferenceCheck(Problems problems, Map<String, String> globalVars, Map<String, Environment> environments) {
        this.problems = problems;
        this.globalVars = globalVars;
        this.environments = environments;
    }

    /** Checks every string in the document; variables' own values may not refer to other variables. */
    void check(Node root) {
        if (!(root instanceof Node.Mapping mapping)) {
            return;
        }
        for (Node.Entry top : mapping.entries()) {
            if (top.key().equals("vars")) {
                walk(top.value(), top.key(), true);
            } else if (top.key().equals("environments") && top.value() instanceof Node.Mapping envs) {
                envs.entries().forEach(env -> walkEnvironment(env, Problems.child(top.key(), env.key())));
            } else if (top.key().equals("procedures")) {
                walkProcedures(top.value(), top.key());
            } else if (top.key().equals("always")) {
                inAlways = true;
                walk(top.value(), top.key(), false);
                inAlways = false;
            } else {
                walk(top.value(), top.key(), false);
            }
        }
    }

    private void walkEnvironment(Node.Entry env, String path) {
        if (env.value() instanceof Node.Mapping settings) {
            settings.entries().forEach(e -> walk(e.value(), Problems.child(path, e.key()), e.key().equals("vars")));
        }
    }

    /** A procedure is not a deployment: it has no version to refer to. */
    private void walkProcedures(Node node, String path) {
        walk(node, path, false);
        walkVersions(node, path);
    }

    private void walkVersions(Node node, String path) {
        switch (node) {
            case Node.Mapping m -> m.entries().stream().filter(e -> !condition(path, e.key()))
                    .forEach(e -> walkVersions(e.value(), Problems.child(path, e.key())));
            case Node.Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    walkVersions(s.items().get(i), Problems.item(path, i));
                }
            }
            case Node.Scalar s -> {
                if (s.value() instanceof String text) {
                    Placeholders.find(text).stream()
                            .filter(p -> p.kind() == Kind.VERSION || p.kind() == Kind.PREVIOUS_VERSION)
                            .forEach(p -> problems.add(s, path, "${" + p.source() + "} cannot be used in a procedure;"
                                    + " a procedure runs no version", "use it in stages, or pass it in vars"));
                }
            }
        }
    }

    /** Whether the key holds a condition: {@code when:}, or a repeat's {@code until:}. */
    private static boolean condition(String path, String key) {
        return key.equals("when") || key.equals("until") && path.endsWith(RepeatReader.KEY);
    }

    /** Conditions ({@code when:}, {@code until:}) are checked by their own reader, which knows their references. */
    private void walk(Node node, String path, boolean inVars) {
        switch (node) {
            case Node.Mapping m -> m.entries().stream().filter(e -> !condition(path, e.key()))
                    .forEach(e -> walk(e.value(), Problems.child(path, e.key()), inVars));
            case Node.Sequence s -> {
                for (int i = 0; i < s.items().size(); i++) {
                    walk(s.items().get(i), Problems.item(path, i), inVars);
                }
            }
            case Node.Scalar s -> {
                if (s.value() instanceof String text) {
                    Placeholders.find(text).forEach(p -> check(p, text, s, path, inVars));
                }
            }
        }
    }

    private void check(Placeholder p, String text, Node at, String path, boolean inVars) {
        if (text.charAt(p.end() - 1) != '}') {
            problems.add(at, path, "unclosed reference '" + text.substring(p.start()) + "'", "add the closing '}'");
        } else if (p.kind() == Kind.UNKNOWN) {
            problems.add(at, path, "unknown reference ${" + p.source() + "}; " + EXPECTED, unknownHint(p.name()));
        } else if (p.kind() == Kind.RUN && !inAlways) {
            problems.add(at, path, "${" + p.source() + "} is known only to always-steps, which run once the run's"
                    + " outcome is decided", "move the step under always:");
        } else if (p.kind() == Kind.VAR && inVars) {
            problems.add(at, path, "${" + p.source() + "} cannot be used in vars; a variable cannot refer to "
                    + "another variable", "write the value out");
        } else if (p.kind() == Kind.VAR) {
            checkDefined(p, at, path);
        }
    }

    private void checkDefined(Placeholder p, Node at, String path) {
        if (globalVars.containsKey(p.name())) {
            return;
        }
        List<String> lacking = environments.values().stream()
                .filter(env -> !env.vars().containsKey(p.name())).map(Environment::name).toList();
        String ref = "${" + p.source() + "}";
        String hint = Suggestions.closest(p.name(), varNames()).filter(n -> !n.equals(p.name()))
                .map(n -> "did you mean '${vars." + n + "}'?").orElse(null);
        if (environments.isEmpty()) {
            problems.add(at, path, ref + " is not defined; add it to vars", hint);
        } else if (lacking.size() == 1) {
            String env = lacking.get(0);
            problems.add(at, path, ref + " is not defined for environment " + env + "; add it to environments."
                    + env + ".vars or to vars", hint);
        } else if (!lacking.isEmpty()) {
            problems.add(at, path, ref + " is not defined for environments " + String.join(", ", lacking)
                    + "; add it to vars or to each of their vars", hint);
        }
    }

    /** A variable written without {@code vars.}, or a misspelt built-in reference. */
    private String unknownHint(String name) {
        if (varNames().contains(name)) {
            return "did you mean '${vars." + name + "}'?";
        }
        return Suggestions.closest(name, BUILT_IN).map(n -> "did you mean '${" + n + "}'?").orElse(null);
    }

    private Collection<String> varNames() {
        Set<String> names = new TreeSet<>(globalVars.keySet());
        environments.values().stream().flatMap(env -> Stream.of(env.vars().keySet())).forEach(names::addAll);
        return names;
    }
}
