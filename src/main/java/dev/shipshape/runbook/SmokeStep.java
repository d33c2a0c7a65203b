package dev.shipshape.runbook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Named flows of HTTP requests with expectations ({@code smoke:}). A request may capture values from
 * its JSON response ({@code capture: {token: token}}); later requests of the same flow use them as
 * {@code {{token}}}.
 *
 * @param rules the runbook's rollback rules (for {@code smoke failed}), copied here by the loader
 */
public record SmokeStep(List<Flow> flows, List<RollbackRule> rules, StepOptions options) implements Step {

    /** One user journey: log in, fetch a page, post and read back. */
    public record Flow(String name, List<Request> requests) {
        public Flow {
            requests = List.copyOf(requests);
        }
    }

    /**
     * One request of a flow.
     *
     * @param capture names to JSON paths of the response, e.g. {@code token -> token}, {@code id -> order.id}
     */
    public record Request(String name, String method, String url, Map<String, String> headers, String body,
                          HttpExpect expect, Map<String, String> capture) {
        public Request {
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            capture = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capture));
        }

        Request mapStrings(UnaryOperator<String> f) {
            Map<String, String> mapped = new LinkedHashMap<>();
            headers.forEach((k, v) -> mapped.put(k, f.apply(v)));
            return new Request(name, method, f.apply(url), mapped, body == null ? null : f.apply(body),
                    expect.mapStrings(f), capture);
        }
    }

    public SmokeStep {
        flows = List.copyOf(flows);
        rules = List.copyOf(rules);
    }

    public SmokeStep withRules(List<RollbackRule> table) {
        return new SmokeStep(flows, table, options);
    }

    @Override
    public String kind() {
        return "smoke";
    }

    @Override
    public String summary() {
        return flows.size() + (flows.size() == 1 ? " flow: " : " flows: ")
                + String.join(", ", flows.stream().map(Flow::name).toList());
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(5);
    }

    /** Smoke flows may write (an order), so by default a resume asks first. */
    @Override
    public boolean idempotentByDefault() {
        return false;
    }

    @Override
    public SmokeStep mapStrings(UnaryOperator<String> f) {
        return new SmokeStep(flows.stream().map(flow -> new Flow(flow.name(),
                flow.requests().stream().map(r -> r.mapStrings(f)).toList())).toList(), rules, options.mapStrings(f));
    }
}
