package dev.shipshape.steps.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.analysis.RollbackDecision;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.http.Deadline;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.RollbackRule;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.steps.http.HttpStepExecutor;
import dev.shipshape.time.Ticks;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code smoke:} step: each flow's requests in order through the HTTP executor (same
 * expectations, timeouts and redaction), feeding captured values into later requests, with a
 * report line per flow. Every flow runs even after one fails, so the report is complete.
 */
public final class SmokeStepExecutor {

    private final HttpStepExecutor http;
    private final VerificationLog log;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public SmokeStepExecutor(HttpStepExecutor http, VerificationLog log, Clock clock) {
        this.http = http;
        this.log = log;
        this.clock = clock;
    }

    public StepResult execute(PlannedStep planned, SmokeStep step, StepContext context) {
        OutputTail report = new OutputTail(OutputTail.DEFAULT_LIMIT);
        int passed = 0;
        String firstFailure = null;
        Deadline stepDeadline = Deadline.in(context.timeout() != null ? context.timeout() : step.defaultTimeout());
        for (SmokeStep.Flow flow : step.flows()) {
            long started = Ticks.SYSTEM.nanos();
            String failure = flow(flow, context, stepDeadline);
            if (context.isCancelled()) {
                return StepResult.cancelled("cancelled", report.text(), report.size());
            }
            long millis = (Ticks.SYSTEM.nanos() - started) / 1_000_000;
            String line = "flow " + flow.name() + ": " + (failure == null ? "passed" : "failed at " + failure)
                    + " in " + millis + "ms";
            report.appendLine(line);
            context.output().accept(line);
            passed += failure == null ? 1 : 0;
            firstFailure = firstFailure == null && failure != null ? flow.name() + " failed at " + failure : firstFailure;
        }
        int total = step.flows().size();
        String summary = passed + "/" + total + " flows passed" + (firstFailure == null ? "" : "; " + firstFailure);
        log.result(new VerificationLog.StoredResult(context.runId(), planned.id(), "smoke",
                passed == total ? "passed" : "failed", summary, passed, total, clock.instant()));
        return passed == total ? StepResult.success(null, summary, report.text(), report.size())
                : failed(step, summary, report);
    }

    /** Null when every request met its expectations, else which request failed and why. */
    private String flow(SmokeStep.Flow flow, StepContext context, Deadline stepDeadline) {
        Map<String, String> captured = new HashMap<>();
        for (SmokeStep.Request request : flow.requests()) {
            HttpStep asStep = new HttpStep(request.method(), fill(request.url(), captured), fill(request.headers(), captured),
                    request.body() == null ? null : fill(request.body(), captured), request.expect(), StepOptions.defaults());
            // Each request has the time an http step has, and none beyond the step's.
            StepResult result = http.execute(asStep, quiet(context),
                    stepDeadline.atMost(HttpStepExecutor.DEFAULT_TIMEOUT));
            if (!result.succeeded()) {
                return "'" + request.name() + "': " + result.message();
            }
            String missing = capture(request, result.outputTail(), captured);
            if (missing != null) {
                return "'" + request.name() + "': " + missing;
            }
        }
        return null;
    }

    /** Captured values from the body (the tail after the status line), or which one is missing. */
    private String capture(SmokeStep.Request request, String tail, Map<String, String> captured) {
        if (request.capture().isEmpty()) {
            return null;
        }
        String body = tail == null ? "" : tail.substring(Math.max(0, tail.indexOf('\n') + 1));
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return "cannot capture " + String.join(", ", request.capture().keySet()) + ": the response is not JSON";
        }
        for (Map.Entry<String, String> c : request.capture().entrySet()) {
            JsonNode value = root == null ? null : root.at("/" + c.getValue().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/'));
            if (value == null || value.isMissingNode() || value.isNull()) {
                return "cannot capture " + c.getKey() + ": the response has no " + c.getValue();
            }
            captured.put(c.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return null;
    }

    private static String fill(String text, Map<String, String> captured) {
        String out = text;
        for (Map.Entry<String, String> c : captured.entrySet()) {
            out = out.replace("{{" + c.getKey() + "}}", c.getValue());
        }
        return out;
    }

    private static Map<String, String> fill(Map<String, String> headers, Map<String, String> captured) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, fill(v, captured)));
        return out;
    }

    /** The request's own output (status line and body) stays out of the live view; the flow lines say enough. */
    private static StepContext quiet(StepContext context) {
        return new StepContext(context.runId(), context.workdir(), context.timeout(), context.secrets(), line -> { },
                context.cancelled());
    }

    private static StepResult failed(SmokeStep step, String summary, OutputTail report) {
        var decision = RollbackDecision.decide(step.rules(), List.of("smoke failed"), "smoke failed: " + summary);
        RollbackRule.Action action = decision.map(RollbackDecision.Decision::action).orElse(RollbackRule.Action.ROLLBACK);
        String message = decision.map(RollbackDecision.Decision::reason).orElse(summary);
        return switch (action) {
            case PAUSE -> StepResult.pause(message, report.text());
            case ALERT -> StepResult.success(null, message + " (alert only, by rule)", report.text(), report.size());
            case ROLLBACK -> StepResult.failure(null, message, report.text(), report.size());
        };
    }
}
