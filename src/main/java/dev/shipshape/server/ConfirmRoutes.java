package dev.shipshape.server;

import dev.shipshape.app.ConfirmationDesk;
import dev.shipshape.users.Role;
import java.util.List;

/** Confirms the confirm step a run waits at, as the signed-in user; the run goes on. */
final class ConfirmRoutes {

    /** @param note recorded with the confirmation, e.g. what was seen */
    record Confirm(String note) {
    }

    private ConfirmRoutes() {
    }

    static List<Route> routes(Backend backend) {
        return List.of(Route.post(ApprovalRoutes.RUN + "/steps/{step}/confirm", Route.Access.role(Role.DEPLOYER),
                "confirm", "Confirm the confirm step (its name or id) the run waits at", ctx -> {
                    String runId = Requests.pathParam(ctx, "id");
                    String step = Requests.pathParam(ctx, "step");
                    Requests.target(ctx, "run=" + runId + " step=" + step);
                    String note = ApiJson.read(ctx, Confirm.class).note();
                    ApiJson.answer(ctx, 200, backend.app().confirmations(backend.store()).confirm(
                            new ConfirmationDesk.ConfirmRequest(runId, step, note, Requests.caller(ctx).actor())));
                }));
    }
}
