package dev.shipshape.server;

import dev.shipshape.app.ApprovalDesk;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.util.List;

/**
 * Approve or reject the approval step a run waits at, as the signed-in approver: the runbook's {@code people:} are
 * matched to server users by name, and whoever started the run cannot approve it (the approval desk's rules).
 */
final class ApprovalRoutes {

    static final String RUN = Api.PREFIX + "/runs/{id}";

    record Approval(String note) {
    }

    record Rejection(String reason) {
    }

    private ApprovalRoutes() {
    }

    static List<Route> routes(Backend backend) {
        Route.Access approver = Route.Access.role(Role.APPROVER);
        return List.of(
                Route.post(RUN + "/approve", approver, "approve", "Approve the approval step the run waits at", ctx ->
                        decide(ctx, backend, true, ApiJson.read(target(ctx), Approval.class).note())),
                Route.post(RUN + "/reject", approver, "reject", "Reject the approval step the run waits at; the"
                        + " reason is the run's failure", ctx -> decide(ctx, backend, false,
                        RunBodies.required(ApiJson.read(target(ctx), Rejection.class).reason(), "reason"))));
    }

    /** Names the run in the audit entry before the body is read, so that a refused body is recorded with it. */
    private static Context target(Context ctx) {
        Requests.target(ctx, "run=" + Requests.pathParam(ctx, "id"));
        return ctx;
    }

    private static void decide(Context ctx, Backend backend, boolean approving, String comment) {
        String runId = Requests.pathParam(ctx, "id");
        ApiJson.answer(ctx, 200, backend.app().approvals(backend.store()).decide(new ApprovalDesk.DecisionRequest(
                runId, approving, comment, Requests.caller(ctx).actor())));
    }
}
