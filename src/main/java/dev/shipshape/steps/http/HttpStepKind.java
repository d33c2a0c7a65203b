package dev.shipshape.steps.http;

import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.Masked;
import dev.shipshape.runbook.yaml.KindReader;
import dev.shipshape.runbook.yaml.Values;
import dev.shipshape.steps.kit.KindExecutor;
import dev.shipshape.steps.kit.StepKind;
import dev.shipshape.steps.kit.StepServices;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code http:} one request with its expectations (status, JSON keys, body text, latency). */
public final class HttpStepKind implements StepKind<HttpStep> {

    @Override
    public String key() {
        return "http";
    }

    @Override
    public Class<HttpStep> type() {
        return HttpStep.class;
    }

    @Override
    public KindReader reader(Values values) {
        return new HttpStepReader(values);
    }

    @Override
    public List<String> details(HttpStep step) {
        List<String> lines = new ArrayList<>();
        step.headers().forEach((k, v) -> lines.add("header " + k + ": " + Masked.of(v)));
        if (!step.expect().status().isEmpty() || !step.expect().json().isEmpty()) {
            lines.add("expect " + expectation(step));
        }
        return lines;
    }

    private static String expectation(HttpStep http) {
        List<String> parts = new ArrayList<>();
        if (!http.expect().status().isEmpty()) {
            parts.add("status " + http.expect().status().stream().map(String::valueOf).collect(Collectors.joining("|")));
        }
        http.expect().json().forEach((k, v) -> parts.add("json " + k + " = " + v));
        http.expect().bodyContains().forEach(t -> parts.add("body contains \"" + t + "\""));
        if (http.expect().maxLatency() != null) {
            parts.add("latency <= " + Durations.format(http.expect().maxLatency()));
        }
        return String.join(", ", parts);
    }

    @Override
    public KindExecutor<HttpStep> executor(StepServices services) {
        HttpStepExecutor http = new HttpStepExecutor(services.exchanges(), services.tailLimitBytes());
        return (planned, step, context) -> http.execute(step, context);
    }
}
