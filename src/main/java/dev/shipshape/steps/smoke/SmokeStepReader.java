package dev.shipshape.steps.smoke;

import dev.shipshape.runbook.yaml.*;
import dev.shipshape.steps.http.HttpStepReader;

import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code smoke:} step: a list of flows, each a name and requests written like {@code http:}
 * steps plus {@code capture:} (names to JSON paths of the response).
 */
final class SmokeStepReader implements KindReader {

    private static final List<String> REQUEST_KEYS = List.of("name", "http", "method", "headers", "body", "expect",
            "capture");

    private final Values values;
    private final HttpStepReader http;

    SmokeStepReader(Values values) {
        this.values = values;
        this.http = new HttpStepReader(values);
    }

    @Override
    public String kind() {
        return "smoke";
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public Optional<Step> read(Fields f, StepOptions options) {
        String path = f.path("smoke");
        List<Node> items = f.required("smoke").map(n -> values.list(n, path, "a list of flows")).orElse(List.of());
        if (items.isEmpty() && f.optional("smoke").isPresent()) {
            values.problems().add(f.node("smoke").orElseThrow(), path, "smoke needs at least one flow");
        }
        List<SmokeStep.Flow> flows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields.of(items.get(i), Problems.item(path, i), values, "a flow (a map with name and requests)")
                    .flatMap(this::flow).ifPresent(flows::add);
        }
        return flows.size() == items.size() && !flows.isEmpty()
                ? Optional.of(new SmokeStep(flows, List.of(), options)) : Optional.empty();
    }

    private Optional<SmokeStep.Flow> flow(Fields f) {
        f.allowOnly(List.of("name", "requests"));
        Optional<String> name = f.required("name").flatMap(n -> values.string(n, f.path("name")));
        List<Node> items = f.required("requests").map(n -> values.list(n, f.path("requests"), "a list of requests"))
                .orElse(List.of());
        List<SmokeStep.Request> requests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields.of(items.get(i), Problems.item(f.path("requests"), i), values, "a request (a map with http)")
                    .flatMap(this::request).ifPresent(requests::add);
        }
        if (items.isEmpty() && f.optional("requests").isPresent()) {
            values.problems().add(f.node("requests").orElseThrow(), f.path("requests"), "a flow needs at least one request");
        }
        return name.filter(n -> requests.size() == items.size() && !items.isEmpty())
                .map(n -> new SmokeStep.Flow(n, requests));
    }

    private Optional<SmokeStep.Request> request(Fields f) {
        f.allowOnly(REQUEST_KEYS);
        var capture = f.textMap("capture");
        return http.read(f, StepOptions.defaults()).map(step -> (HttpStep) step).map(h -> new SmokeStep.Request(
                f.string("name").orElse(h.method() + " " + h.url()), h.method(), h.url(), h.headers(), h.body(),
                h.expect(), capture));
    }
}
