package dev.shipshape.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.remote.ApiClient;
import dev.shipshape.remote.EventChanges;
import dev.shipshape.remote.EventStream;
import dev.shipshape.remote.RemoteEvent;
import dev.shipshape.remote.ServerAddress;
import java.util.HashMap;
import java.util.Map;
import sun.misc.Signal;

/**
 * {@code deploy --server}: starts the deploy on the server and follows its events with the same live progress as
 * a local run. Ctrl-C detaches (the run goes on there) unless the caller asked to cancel on interrupt.
 */
final class ServerDeploy {

    private static final int DETACHED_EXIT = 130;

    private final Context context;
    private final ApiClient client;

    ServerDeploy(Context context, ServerAddress server) {
        this.context = context;
        this.client = new ApiClient(server, context.http);
    }

    /** What to start. */
    record Request(String service, String environment, String version, String overrideReason, boolean sqlConfirmed,
                   boolean json, boolean cancelOnInterrupt) {
    }

    int deploy(Request request) {
        String runId = client.startDeploy(request.service(), request.environment(), request.version(),
                request.overrideReason(), request.sqlConfirmed());
        onInterrupt(runId, request.cancelOnInterrupt());
        LiveProgress progress = request.json() ? null : LiveProgress.of(context, summaries(client.run(runId)));
        EventChanges changes = new EventChanges();
        new EventStream(client, context.sleeper).follow(runId, ServerDeploy::ends, () -> false, event -> {
            if (progress == null) {
                return;
            }
            if ("output".equals(event.kind())) {
                progress.output(event.text("stepId"), event.text("line"));
            } else {
                changes.of(event).ifPresent(progress::changed);
            }
        });
        return report(client.run(runId), request.json());
    }

    /** Whether the event is the run's last word: a final status, or halted for a person. */
    static boolean ends(RemoteEvent event) {
        if (!event.kind().startsWith("run.")) {
            return false;
        }
        return RunStatus.ofLabel(event.kind().substring("run.".length()))
                .map(status -> status.isFinal() || status == RunStatus.HALTED).orElse(false);
    }

    private static Map<String, String> summaries(JsonNode run) {
        Map<String, String> summaries = new HashMap<>();
        run.path("steps").forEach(step -> summaries.put(step.path("id").asText(), step.path("summary").asText("")));
        return summaries;
    }

    private int report(JsonNode run, boolean json) {
        String runId = run.path("id").asText();
        RunStatus status = RunStatus.ofLabel(run.path("status").asText()).orElse(RunStatus.FAILED);
        if (json) {
            context.out.println(Json.write(run));
        } else {
            String mark = status == RunStatus.SUCCEEDED ? context.terminal.ok() : context.terminal.fail();
            String reason = run.path("reason").asText("");
            context.out.println(mark + " run " + runId + " " + status.label().replace('_', ' ')
                    + (reason.isEmpty() ? "" : ": " + reason));
            if (status != RunStatus.SUCCEEDED) {
                context.out.println("  details: " + client.server().base() + "/api/v1/runs/" + runId);
            }
        }
        context.out.flush();
        return rejected(run) ? ExitCode.BLOCKED : ExitCode.of(status);
    }

    /** A run stopped by a rejected approval was refused by a gate, as a local deploy says with exit 5. */
    private static boolean rejected(JsonNode run) {
        String status = run.path("status").asText();
        if (!status.equals("failed") && !status.equals("rolled_back")) {
            return false;
        }
        for (JsonNode step : run.path("steps")) {
            if ("approval".equals(step.path("kind").asText()) && "failed".equals(step.path("state").asText())
                    && step.path("message").asText().startsWith("rejected by ")) {
                return true;
            }
        }
        return false;
    }

    /** Ctrl-C: detach and leave the run going, or (asked for) cancel it on the server and keep following. */
    private void onInterrupt(String runId, boolean cancel) {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (cancel) {
                    say("cancelling run " + runId + " on the server");
                    client.cancel(runId, "cancelled by " + context.user() + " (Ctrl-C)");
                    return;
                }
                say("detached; run " + runId + " goes on on the server (see it at " + client.server().base()
                        + "/api/v1/runs/" + runId + ")");
                Runtime.getRuntime().halt(DETACHED_EXIT);
            });
        } catch (IllegalArgumentException unsupported) {
            // No SIGINT on this platform: Ctrl-C ends the client and the run goes on on the server.
        }
    }

    private void say(String line) {
        context.err.println();
        context.err.println("shipshape: " + line);
        context.err.flush();
    }
}
