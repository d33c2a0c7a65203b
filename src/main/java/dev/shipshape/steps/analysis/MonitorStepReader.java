package dev.shipshape.steps.analysis;

import dev.shipshape.runbook.yaml.*;

import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.MonitorStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a {@code monitor:} step: an analysis without interval and duration, plus windows and a sign-off rule. */
final class MonitorStepReader implements KindReader {

    private final Values values;
    private final AnalysisStepReader analysis;

    MonitorStepReader(Values values) {
        this.values = values;
        this.analysis = new AnalysisStepReader(values);
    }

    @Override
    public String kind() {
        return "monitor";
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public Optional<Step> read(Fields step, StepOptions options) {
        return step.required("monitor").flatMap(n -> Fields.of(n, step.path("monitor"), values,
                "a map with provider, metrics, windows and sign_off")).flatMap(f -> {
                    Optional<Step> watched = analysis.analysis(f, options, List.of("windows", "sign_off"), false);
                    List<MonitorStep.Window> windows = f.required("windows")
                            .map(n -> windows(n, f.path("windows"))).orElse(List.of());
                    MonitorStep.SignOff signOff = f.optional("sign_off")
                            .flatMap(n -> signOff(n, f.path("sign_off"))).orElse(null);
                    if (signOff != null) {
                        endsNamedWindows(signOff, windows, f);
                    }
                    return watched.filter(a -> !windows.isEmpty())
                            .map(a -> new MonitorStep((AnalysisStep) a, windows, signOff, options));
                });
    }

    /** A sign-off's {@code ends} names windows of the monitor. */
    private void endsNamedWindows(MonitorStep.SignOff signOff, List<MonitorStep.Window> windows, Fields f) {
        List<String> names = windows.stream().map(MonitorStep.Window::name).toList();
        signOff.ends().stream().filter(n -> !names.contains(n)).forEach(n -> values.problems().add(
                f.node("sign_off").orElseThrow(), Problems.child(f.path("sign_off"), "ends"), "no window named '" + n
                        + "'; windows: " + String.join(", ", names), dev.shipshape.Suggestions.closest(n, names)
                        .map(c -> "did you mean '" + c + "'?").orElse(null)));
    }

    private List<MonitorStep.Window> windows(Node node, String path) {
        List<Node> items = values.list(node, path, "a list of windows (name, duration, interval)");
        if (items.isEmpty() && node instanceof Node.Sequence) {
            values.problems().add(node, path, "a monitor needs at least one window", "e.g. {name: 0-5m, duration: 5m, interval: 30s}");
        }
        List<MonitorStep.Window> windows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields.of(items.get(i), Problems.item(path, i), values, "a window (a map with name, duration, interval)")
                    .flatMap(w -> {
                        w.allowOnly(List.of("name", "duration", "interval"));
                        Optional<String> name = w.required("name").flatMap(n -> values.string(n, w.path("name")));
                        Optional<Duration> duration = w.required("duration").flatMap(n -> Checks.positive(w, values, "duration"));
                        Duration interval = Checks.positive(w, values, "interval").orElse(Duration.ofSeconds(30));
                        return name.flatMap(n -> duration.map(d -> new MonitorStep.Window(n, d, interval)));
                    }).ifPresent(windows::add);
        }
        return windows;
    }

    private Optional<MonitorStep.SignOff> signOff(Node node, String path) {
        return Fields.of(node, path, values, "a map with metric, condition and for").flatMap(f -> {
            f.allowOnly(List.of("metric", "condition", "for", "ends"));
            List<String> ends = f.optional("ends").map(n -> values.strings(n, f.path("ends"))).orElse(List.of());
            Optional<String> metric = f.required("metric").flatMap(n -> values.string(n, f.path("metric")));
            Optional<Threshold> condition = f.required("condition").map(n -> analysis.threshold(f, "condition"));
            Optional<Duration> holdFor = f.required("for").flatMap(n -> Checks.positive(f, values, "for"));
            return metric.flatMap(m -> condition.flatMap(c -> holdFor.map(h -> new MonitorStep.SignOff(m, c, h, ends))));
        });
    }
}
