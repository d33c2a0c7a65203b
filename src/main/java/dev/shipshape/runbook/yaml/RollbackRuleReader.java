package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.MonitorStep;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.Stage;
import dev.shipshape.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code rollback_rules:} (the decision table: when, action) and hands the table to every
 * verification step, so that each step can decide by itself what a finding means for the run.
 */
final class RollbackRuleReader {

    private static final Pattern WHEN = Pattern.compile(
            "[A-Za-z0-9_.-]+ (critical|warning)|health failed|smoke failed|analysis inconclusive");

    private final Values values;

    RollbackRuleReader(Values values) {
        this.values = values;
    }

    List<RollbackRule> rules(Node node, String path) {
        List<Node> items = values.list(node, path, "a list of rules (when, action)");
        List<RollbackRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields.of(items.get(i), Problems.item(path, i), values, "a rule (a map with when and action)")
                    .flatMap(this::rule).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<RollbackRule> rule(Fields f) {
        f.allowOnly(List.of("when", "action"));
        Optional<String> when = f.required("when").flatMap(n -> values.string(n, f.path("when"))).filter(w -> {
            if (WHEN.matcher(w.trim()).matches()) {
                return true;
            }
            values.problems().add(f.node("when").orElseThrow(), f.path("when"), "'" + w + "' is not a condition;"
                    + " expected '<metric> critical', '<metric> warning', 'health failed', 'smoke failed' or"
                    + " 'analysis inconclusive'");
            return false;
        });
        Optional<RollbackRule.Action> action = f.required("action").flatMap(n -> f.choice("action",
                RollbackRule.Action.class));
        return when.flatMap(w -> action.map(a -> new RollbackRule(w.trim(), a)));
    }

    /** The stages with the table copied into their verification steps. */
    static List<Stage> attach(List<Stage> stages, List<RollbackRule> rules) {
        return stages.stream().map(s -> s.withSteps(attachTo(s.steps(), rules), attachTo(s.rollback(), rules)))
                .toList();
    }

    static List<Step> attachTo(List<Step> steps, List<RollbackRule> rules) {
        return steps.stream().map(step -> switch (step) {
            case AnalysisStep a -> (Step) a.withRules(rules);
            case HealthStep h -> h.withRules(rules);
            case SmokeStep s -> s.withRules(rules);
            case MonitorStep m -> m.withRules(rules);
            default -> step;
        }).toList();
    }
}
