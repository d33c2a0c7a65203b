package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.OnInterrupted;
import dev.shipshape.runbook.Procedure;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.gates.People;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a document's node tree to a {@link Runbook}, reading the top-level keys itself and leaving
 * stages and steps to their readers. Problems are collected; the result is only trustworthy when
 * none were found.
 */
final class RunbookReader {

    private static final List<String> KEYS = List.of("service", "vars", "on_interrupted", "environments", "stages",
            "always", "people", "rollback_rules", "procedures", "schedules");
    private static final String EXPECTED_ROOT = "a map with service, environments and stages";

    private final Values values;
    private final StepReader steps;
    private final StageReader stages;
    private final EnvironmentReader environmentReader;
    private final EnvironmentFilter environmentFilter;
    private final ConditionReader conditions;

    /** @param text the runbook's text, to place problems inside quoted values */
    RunbookReader(Problems problems, List<? extends StepSyntax> kinds, String text) {
        this(problems, kinds, text, null);
    }

    /** @param environment the environment whose vars durations and numbers written as variables take; null for all */
    RunbookReader(Problems problems, List<? extends StepSyntax> kinds, String text, String environment) {
        this.values = new Values(problems, new VarValues(environment));
        this.environmentReader = new EnvironmentReader(values);
        this.environmentFilter = new EnvironmentFilter(values);
        this.conditions = new ConditionReader(values, text);
        this.steps = new StepReader(values, kinds, environmentFilter, conditions);
        this.stages = new StageReader(values, steps, environmentFilter, conditions);
    }

    Optional<Runbook> read(Node root, Path source) {
        if (root instanceof Node.Scalar s && s.isNull()) {
            values.problems().add(0, 0, "", "the runbook is empty; expected " + EXPECTED_ROOT, null);
            return Optional.empty();
        }
        return Fields.of(root, "", values, EXPECTED_ROOT).map(f -> runbook(f, source));
    }

    private Runbook runbook(Fields f, Path source) {
        f.allowOnly(KEYS);
        String service = f.required("service").flatMap(n -> stages.name(n, "service", "service")).orElse("");
        Map<String, String> vars = f.textMap("vars");
        Map<String, Environment> environments = f.required("environments")
                .map(n -> environments(n, "environments")).orElse(Map.of());
        environmentFilter.declared(environments.keySet());
        values.vars().environments(varsByEnvironment(vars, environments));
        List<Stage> stageList = f.required("stages").map(n -> stages.stages(n, "stages")).orElse(List.of());
        f.optional("stages").ifPresent(n -> new StageGraph(values.problems()).check(n, "stages"));
        List<Step> always = f.optional("always").map(n -> steps.steps(n, "always", "always")).orElse(List.of());
        List<RollbackRule> rules = f.optional("rollback_rules")
                .map(n -> new RollbackRuleReader(values).rules(n, "rollback_rules")).orElse(List.of());
        stageList = RollbackRuleReader.attach(stageList, rules);
        always = RollbackRuleReader.attachTo(always, rules);
        OnInterrupted onInterrupted = f.choice("on_interrupted", OnInterrupted.class).orElse(OnInterrupted.ASK);
        People people = f.optional("people").map(n -> people(n, "people")).orElse(People.none());
        Map<String, Procedure> procedures = f.optional("procedures")
                .map(n -> new ProcedureReader(values, steps).procedures(n, "procedures")).orElse(Map.of());
        List<dev.shipshape.runbook.Schedule> schedules = f.optional("schedules").map(n -> new ScheduleReader(values)
                .schedules(n, "schedules", procedures, environments.keySet())).orElse(List.of());
        new ReferenceCheck(values.problems(), vars, environments).check(f.mapping());
        conditions.check(stageList, always, procedures, environments, vars);
        return new Runbook(service, source, vars, environments, stageList, always, onInterrupted, people, procedures,
                schedules);
    }

    /** Whether a duration or number was written as a variable, so each environment reads it differently. */
    boolean varsUsed() {
        return values.vars().used();
    }

    private static Map<String, Map<String, String>> varsByEnvironment(Map<String, String> vars,
                                                                      Map<String, Environment> environments) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        environments.forEach((name, env) -> {
            Map<String, String> merged = new LinkedHashMap<>(vars);
            merged.putAll(env.vars());
            out.put(name, merged);
        });
        return out;
    }

    private Map<String, Environment> environments(Node node, String path) {
        Map<String, Environment> environments = new LinkedHashMap<>();
        if (!(node instanceof Node.Mapping mapping)) {
            values.wrongType(node, path, "a map of environment names to their settings");
            return environments;
        }
        if (mapping.entries().isEmpty()) {
            values.problems().add(node, path, "expected at least one environment", "e.g. staging: {}");
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        mapping.entries().forEach(e -> names.add(e.key()));
        for (Node.Entry e : mapping.entries()) {
            String envPath = Problems.child(path, e.key());
            if (validName(e, path)) {
                environments.put(e.key(), environmentReader.read(e.key(), e.value(), envPath, names));
            }
        }
        return environments;
    }

    private boolean validName(Node.Entry e, String path) {
        if (StageReader.NAME.matcher(e.key()).matches()) {
            return true;
        }
        values.problems().add(e, path, "'" + e.key() + "' is not a valid environment name; use only letters, "
                + "digits, '-', '_' and '.'", null);
        return false;
    }

    /** {@code people: {alice: [lead], bob: sre}}: each person's roles, one or a list. */
    private People people(Node node, String path) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        if (!(node instanceof Node.Mapping mapping)) {
            values.wrongType(node, path, "a map of people to their roles");
            return People.none();
        }
        for (Node.Entry e : mapping.entries()) {
            Node value = e.value();
            boolean empty = value instanceof Node.Scalar s && s.isNull();
            roles.put(e.key(), empty ? List.of() : values.strings(value, Problems.child(path, e.key())));
        }
        return new People(roles);
    }
}
