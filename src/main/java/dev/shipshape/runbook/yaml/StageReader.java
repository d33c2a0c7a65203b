package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.OnFailure;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StageProbe;
import dev.shipshape.runbook.Tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code stages:} list: each stage's name, needs, timeout, failure policy and steps. */
final class StageReader {

    static final Pattern NAME = dev.shipshape.runbook.Names.PATTERN;
    private static final List<String> KEYS = List.of("name", "needs", "timeout", "on_failure", "steps", "rollback", "tier",
            "probe", EnvironmentFilter.KEY, ConditionReader.KEY);

    private final Values values;
    private final StepReader steps;
    private final EnvironmentFilter environments;
    private final ConditionReader conditions;

    StageReader(Values values, StepReader steps, EnvironmentFilter environments, ConditionReader conditions) {
        this.values = values;
        this.steps = steps;
        this.environments = environments;
        this.conditions = conditions;
    }

    List<Stage> stages(Node node, String path) {
        List<Node> items = values.list(node, path, "a list of stages");
        if (items.isEmpty() && node instanceof Node.Sequence) {
            values.problems().add(node, path, "expected at least one stage");
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            stage(items.get(i), Problems.item(path, i)).ifPresent(stages::add);
        }
        return stages;
    }

    private Optional<Stage> stage(Node node, String path) {
        return Fields.of(node, path, values, "a stage (a map with name and steps)").flatMap(f -> {
            f.allowOnly(KEYS);
            Optional<String> name = f.required("name").flatMap(n -> name(n, f.path("name"), "stage"));
            List<String> needs = f.optional("needs").map(n -> values.strings(n, f.path("needs"))).orElse(List.of());
            List<Step> main = f.required("steps").map(n -> steps.steps(n, f.path("steps"), "a stage")).orElse(List.of());
            List<Step> rollback = f.optional("rollback")
                    .map(n -> steps.steps(n, f.path("rollback"), "rollback")).orElse(List.of());
            Stage stage = new Stage(name.orElse(""), needs, main, rollback, f.duration("timeout").orElse(null),
                    f.choice("on_failure", OnFailure.class).orElse(OnFailure.ROLLBACK),
                    tier(f, rollback),
                    f.optional("probe").flatMap(n -> probe(n, f.path("probe"))).orElse(null),
                    environments.read(f), conditions.read(f));
            return name.map(n -> stage);
        });
    }

    /**
     * A stage whose rollback restores a database is a database stage: the tier is inferred when absent, and
     * {@code tier: application} is refused, so its rollback always asks for the data-loss confirmation.
     */
    private Tier tier(Fields f, List<Step> rollback) {
        boolean restores = rollback.stream().anyMatch(step -> step instanceof PostgresRestoreStep);
        Optional<Tier> declared = f.choice("tier", Tier.class);
        if (restores && declared.orElse(Tier.DATABASE) == Tier.APPLICATION) {
            values.problems().add(f.node("tier").orElseThrow(), f.path("tier"), "a stage whose rollback restores a"
                    + " database (postgres.restore) is a database stage; write 'tier: database' or leave tier out");
        }
        return declared.orElse(restores ? Tier.DATABASE : Tier.APPLICATION);
    }

    private Optional<StageProbe> probe(Node node, String path) {
        return Fields.of(node, path, values, "a map with url, interval, max_failures, max_outage").flatMap(f -> {
            f.allowOnly(List.of("url", "interval", "max_failures", "max_outage"));
            Optional<String> url = Checks.url(f, values, "url");
            var interval = Checks.positive(f, values, "interval").orElse(java.time.Duration.ofSeconds(1));
            Integer maxFailures = Checks.atLeast(f, values, "max_failures", 0).orElse(null);
            return url.map(u -> new StageProbe(u, interval, maxFailures, f.duration("max_outage").orElse(null)));
        });
    }

    /** A name that is safe in paths, logs and command lines: letters, digits, '-', '_' and '.'. */
    Optional<String> name(Node node, String path, String what) {
        return values.string(node, path).filter(name -> {
            if (dev.shipshape.runbook.Names.isValid(name)) {
                return true;
            }
            values.problems().add(node, path, "'" + name + "' is not a valid " + what
                    + " name; use only letters, digits, '-', '_' and '.'");
            return false;
        });
    }
}
