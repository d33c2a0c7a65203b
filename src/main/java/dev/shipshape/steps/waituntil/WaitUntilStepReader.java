package dev.shipshape.steps.waituntil;

import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.WaitUntilStep;
import dev.shipshape.runbook.yaml.Checks;
import dev.shipshape.runbook.yaml.Fields;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.http.HttpStepReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads {@code wait_until: {run: CMD | http: URL [expect...] | sql: QUERY, interval, within, successes}}. */
final class WaitUntilStepReader implements KindReader {

    private static final List<String> CONDITIONS = List.of("run", "http", "sql");
    private static final List<String> TIMING = List.of("interval", "within", "successes");
    private static final List<String> HTTP_KEYS = List.of("method", "headers", "body", "expect");

    private final Values values;

    WaitUntilStepReader(Values values) {
        this.values = values;
    }

    @Override
    public String kind() {
        return "wait_until";
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public Optional<Step> read(Fields step, StepOptions options) {
        return Fields.of(step.node("wait_until").orElseThrow(), step.path("wait_until"), values,
                "a map with one of run, http or sql, and interval, within, successes").flatMap(f -> {
                    f.allowOnly(Stream.of(CONDITIONS, TIMING, HTTP_KEYS).flatMap(List::stream).toList());
                    Optional<WaitUntilStep.Condition> condition = condition(f);
                    Duration interval = Checks.positive(f, values, "interval").orElse(Duration.ofSeconds(1));
                    Duration within = Checks.positive(f, values, "within").orElse(Duration.ofMinutes(1));
                    int successes = Checks.atLeast(f, values, "successes", 1).orElse(1);
                    return condition.map(c -> new WaitUntilStep(c, interval, within, successes, null, options));
                });
    }

    private Optional<WaitUntilStep.Condition> condition(Fields f) {
        List<String> given = CONDITIONS.stream().filter(k -> f.node(k).isPresent()).toList();
        if (given.size() != 1) {
            values.problems().add(f.mapping(), f.path(), given.isEmpty()
                    ? "wait_until needs a condition: one of run, http or sql"
                    : "wait_until has more than one condition: " + String.join(" and ", given),
                    "e.g. run: test -f ready.txt, or http: URL with expect:, or sql: SELECT ...");
            return Optional.empty();
        }
        if (!given.get(0).equals("http")) {
            HTTP_KEYS.stream().filter(k -> f.node(k).isPresent()).findFirst().ifPresent(k -> values.problems()
                    .add(f.node(k).orElseThrow(), f.path(k), "'" + k + "' belongs to an http condition", null));
        }
        return switch (given.get(0)) {
            case "run" -> f.required("run").flatMap(n -> values.string(n, f.path("run")))
                    .map(WaitUntilStep.Command::new);
            case "sql" -> f.required("sql").flatMap(n -> values.string(n, f.path("sql")))
                    .map(WaitUntilStep.Query::new);
            default -> new HttpStepReader(values).read(f, StepOptions.defaults())
                    .map(s -> new WaitUntilStep.Request((HttpStep) s));
        };
    }
}
