package dev.shipshape.steps.health;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code health:} step: the URL, how often to poll, for how long, how many healthy answers in a
 * row, and optionally what healthy means ({@code healthy:}, JSON paths to values, as {@code expect.json}).
 */
final class HealthStepReader implements KindReader {

    private final Values values;

    HealthStepReader(Values values) {
        this.values = values;
    }

    @Override
    public String kind() {
        return "health";
    }

    @Override
    public List<String> keys() {
        return List.of("interval", "within", "successes", "healthy");
    }

    @Override
    public Optional<Step> read(Fields f, StepOptions options) {
        Optional<String> url = Checks.url(f, values, "health");
        Duration interval = Checks.positive(f, values, "interval").orElse(Duration.ofSeconds(2));
        Duration within = Checks.positive(f, values, "within").orElse(Duration.ofSeconds(60));
        int successes = Checks.atLeast(f, values, "successes", 1).orElse(1);
        Map<String, Object> healthy = new LinkedHashMap<>();
        f.optional("healthy").ifPresent(n -> new ExpectReader(values).json(n, f.path("healthy"), healthy));
        return url.map(u -> new HealthStep(u, interval, within, successes, healthy, List.of(), options));
    }
}
