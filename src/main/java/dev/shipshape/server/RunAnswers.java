package dev.shipshape.server;

import dev.shipshape.app.Deployments;
import dev.shipshape.app.GatesRefused;
import dev.shipshape.gates.GateResult;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the runs routes answer a run they started, and a start that was refused. */
final class RunAnswers {

    /**
     * A run started in the background.
     *
     * @param status  {@code started}, or {@code waiting_for_window} (the run starts once the window opens)
     * @param run     where the run's document is, while it goes and after
     * @param opensAt when the window opens, for a deployment that waits for it
     */
    record Started(String runId, String status, String run, Instant opensAt, String message) {
    }

    /** A gate's result as a refusal lists it. */
    record Gate(String gate, String verdict, String reason, Instant opensAt) {

        static Gate of(GateResult result) {
            return new Gate(result.gate(), result.verdict().name().toLowerCase(java.util.Locale.ROOT),
                    result.reason(), result.opensAt());
        }
    }

    private RunAnswers() {
    }

    /** 202 with the run's id once it exists; what the use case returned when it started none. */
    static void started(Context ctx, RunStart start, String what) {
        switch (start) {
            case RunStart.Began began -> ApiJson.answer(ctx, 202, new Started(began.runId(), "started",
                    Api.PREFIX + "/runs/" + began.runId(), null, what + " started as run " + began.runId()
                    + "; follow it at " + Api.PREFIX + "/runs/" + began.runId()));
            case RunStart.WaitingForWindow waiting -> ApiJson.answer(ctx, 202, new Started(null,
                    "waiting_for_window", null, waiting.window().opensAt(), what + " waits for its window: "
                    + waiting.window().reason() + "; its run starts once the window opens"));
            case RunStart.Ended ended -> ApiJson.answer(ctx, 200, ended.result());
        }
    }

    /** A deployment the gates refused: 409 with each blocking gate's reason. */
    static ApiProblem refused(GatesRefused refused) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("environment", refused.environment());
        details.put("version", refused.version());
        details.put("gates", refused.report().blocking().stream().map(Gate::of).toList());
        details.put("windowBlocked", refused.windowBlocked());
        String hint = refused.windowBlocked() ? "; for an emergency, deploy again with an overrideReason" : "";
        return new ApiProblem(409, "gates_refused", refused.getMessage() + hint, details);
    }

    /** A rollback that undoes database stages and was not confirmed: 409, nothing ran. */
    static ApiProblem confirmationRequired(Deployments.RolledBack rolledBack) {
        List<String> stages = rolledBack.databaseStages();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stages", stages);
        details.put("from", rolledBack.from());
        details.put("to", rolledBack.to());
        return new ApiProblem(409, "confirmation_required", "rolling back from " + rolledBack.from() + " to "
                + rolledBack.to() + " restores the data of the database stage" + (stages.size() == 1 ? " " : "s ")
                + String.join(", ", stages) + ": data written since is lost; nothing ran. Send \"confirmed\": true"
                + " to roll back anyway", details);
    }
}
