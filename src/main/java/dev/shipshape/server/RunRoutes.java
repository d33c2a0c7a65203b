package dev.shipshape.server;

import dev.shipshape.app.Actor;
import dev.shipshape.app.Deployments;
import dev.shipshape.app.GatesRefused;
import dev.shipshape.app.Plans;
import dev.shipshape.app.RunQuery;
import dev.shipshape.app.Runs;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runs: start a deploy, a rollback or a procedure of a service, list and show runs and a step's output, cancel
 * and resume a run. Runs execute in the server ({@link RunExecutor}); a start is answered with 202 and the run's id.
 */
final class RunRoutes {

    private static final String SERVICE = Api.PREFIX + "/services/{service}";
    private static final String RUN = Api.PREFIX + "/runs/{id}";

    private final Backend backend;
    private final RunExecutor executor;

    private RunRoutes(Backend backend) {
        this.backend = backend;
        this.executor = backend.runs();
    }

    static List<Route> routes(Backend backend) {
        RunRoutes runs = new RunRoutes(backend);
        Route.Access deployer = Route.Access.role(Role.DEPLOYER);
        Route.Access viewer = Route.Access.role(Role.VIEWER);
        return List.of(
                Route.post(SERVICE + "/deploys", deployer, "deploy", "Deploy a version of a service to an"
                        + " environment (202 with the run's id)", runs::deploy),
                Route.post(SERVICE + "/rollbacks", deployer, "rollback", "Roll an environment of a service back,"
                        + " with a reason", runs::rollback),
                Route.post(SERVICE + "/procedures/{name}/runs", deployer, "run", "Run a named procedure"
                        + " of a service's runbook", runs::procedure),
                Route.get(Api.PREFIX + "/runs", viewer, "Runs, newest first, with filters and a cursor",
                        runs::list),
                Route.get(RUN, viewer, "A run: stages, steps, metrics, verification, probes, gate decisions",
                        runs::show),
                Route.get(RUN + "/steps/<step>/output", viewer, "What a step printed (secrets redacted)",
                        runs::output),
                Route.post(RUN + "/cancel", deployer, "cancel", "Ask a run to stop (it rolls back per its"
                        + " policy)", runs::cancel),
                Route.post(RUN + "/resume", deployer, "resume", "Go on with a run that stopped part-way",
                        runs::resume));
    }

    private void deploy(Context ctx) {
        String service = Requests.pathParam(ctx, "service");
        RunBodies.Deploy body = ApiJson.read(ctx, RunBodies.Deploy.class);
        String environment = RunBodies.required(body.environment(), "environment");
        String version = RunBodies.required(body.version(), "version");
        Requests.target(ctx, "service=" + service + " env=" + environment + " version=" + version
                + (body.overrideReason() == null ? "" : " override"));
        ServiceCatalog.Deployable deployable = executor.catalog().deployable(service);
        Actor actor = Requests.caller(ctx).actor();
        try {
            RunStart start = executor.start("deploy " + service + " " + environment, watch -> deployable.root()
                    .deployments(backend.store()).deploy(new Deployments.DeployRequest(deployable.runbook(),
                            environment, version, body.overrideReason(), null, actor, watch,
                            RunBodies.yes(body.sqlConfirmed()))));
            RunAnswers.started(ctx, start, "deploy of " + service + " " + version + " to " + environment);
        } catch (GatesRefused refused) {
            throw RunAnswers.refused(refused);
        }
    }

    private void rollback(Context ctx) {
        String service = Requests.pathParam(ctx, "service");
        RunBodies.Rollback body = ApiJson.read(ctx, RunBodies.Rollback.class);
        String environment = RunBodies.required(body.environment(), "environment");
        String reason = RunBodies.required(body.reason(), "reason");
        RollbackPlanner.Type type = rollbackType(body.type());
        Requests.target(ctx, "service=" + service + " env=" + environment
                + (body.to() == null ? "" : " to=" + body.to()));
        ServiceCatalog.Deployable deployable = executor.catalog().deployable(service);
        Actor actor = Requests.caller(ctx).actor();
        RunStart start = executor.start("rollback " + service + " " + environment, watch -> deployable.root()
                .deployments(backend.store()).rollback(new Deployments.RollbackRequest(deployable.runbook(),
                        environment, body.to(), type, reason, RunBodies.yes(body.confirmed()), null, actor, watch,
                        RunBodies.yes(body.sqlConfirmed()))));
        if (start instanceof RunStart.Ended(Deployments.RolledBack rolledBack) && !rolledBack.confirmed()) {
            throw RunAnswers.confirmationRequired(rolledBack);
        }
        RunAnswers.started(ctx, start, "rollback of " + service + " in " + environment);
    }

    private void procedure(Context ctx) {
        String service = Requests.pathParam(ctx, "service");
        String name = Requests.pathParam(ctx, "name");
        RunBodies.Procedure body = ApiJson.read(ctx, RunBodies.Procedure.class);
        String environment = RunBodies.required(body.environment(), "environment");
        Requests.target(ctx, "service=" + service + " env=" + environment + " procedure=" + name);
        ServiceCatalog.Deployable deployable = executor.catalog().deployable(service);
        Plan plan = deployable.root().plans(StoreAccess.of(backend.store())).procedure(
                new Plans.ProcedureRequest(deployable.runbook().runbook(), environment, name));
        Actor actor = Requests.caller(ctx).actor();
        RunStart start = executor.start("procedure " + name + " " + service + " " + environment, watch ->
                deployable.root().deployments(backend.store()).runProcedure(new Deployments.ProcedureRequest(plan,
                        deployable.runbook(), body.reason(), null, actor, watch, RunBodies.yes(body.sqlConfirmed()))));
        RunAnswers.started(ctx, start, "procedure " + name + " of " + service + " in " + environment);
    }

    private void list(Context ctx) {
        RunQuery query = new RunQuery(ctx.queryParam("service"), ctx.queryParam("environment"),
                ctx.queryParam("status"), ctx.queryParam("procedure"), instant(ctx, "since"), instant(ctx, "until"),
                limit(ctx), ctx.queryParam("cursor"));
        ApiJson.answer(ctx, 200, runs().list(query));
    }

    private void show(Context ctx) {
        ApiJson.answer(ctx, 200, runs().document(Requests.pathParam(ctx, "id")));
    }

    private void output(Context ctx) {
        ApiJson.answer(ctx, 200, runs().stepOutput(Requests.pathParam(ctx, "id"), Requests.pathParam(ctx, "step")));
    }

    private void cancel(Context ctx) {
        String runId = Requests.pathParam(ctx, "id");
        RunBodies.Cancel body = ApiJson.read(ctx, RunBodies.Cancel.class);
        String reason = RunBodies.required(body.reason(), "reason");
        Requests.target(ctx, "run=" + runId);
        Deployments.Cancelled cancelled = backend.app().deployments(backend.store()).cancel(
                new Deployments.CancelRequest(runId, reason, Requests.caller(ctx).actor()));
        ApiJson.answer(ctx, cancelled.outcome() == Deployments.Cancelled.Outcome.REQUESTED ? 202 : 200, Map.of(
                "runId", runId, "outcome", cancelled.outcome().name().toLowerCase(Locale.ROOT),
                "reason", reason, "message", cancelled.message()));
    }

    private void resume(Context ctx) {
        String runId = Requests.pathParam(ctx, "id");
        RunBodies.Resume body = ApiJson.read(ctx, RunBodies.Resume.class);
        ResumeChoice choice = resumeChoice(body.choice());
        Requests.target(ctx, "run=" + runId + " choice=" + choice.name().toLowerCase(Locale.ROOT));
        RunRecord run = runs().show(runId).requireUnfinished();
        RunStart start = executor.resume(run, choice, Requests.caller(ctx).actor());
        RunAnswers.started(ctx, start, "resume of run " + runId);
    }

    private Runs runs() {
        return backend.app().runs(backend.storeAccess());
    }

    private static RollbackPlanner.Type rollbackType(String type) {
        if (type == null) {
            return RollbackPlanner.Type.FULL;
        }
        return Arrays.stream(RollbackPlanner.Type.values()).filter(t -> t.name().equalsIgnoreCase(type))
                .findFirst().orElseThrow(() -> new ApiProblem(400, "bad_body", "field 'type' must be one of full,"
                        + " application, database", Map.of("field", "type")));
    }

    private static ResumeChoice resumeChoice(String choice) {
        if (choice == null) {
            return ResumeChoice.POLICY;
        }
        return Arrays.stream(ResumeChoice.values()).filter(c -> c.name().equalsIgnoreCase(choice)).findFirst()
                .orElseThrow(() -> new ApiProblem(400, "bad_body", "field 'choice' must be one of policy (the"
                        + " runbook's on_interrupted), rerun, rollback", Map.of("field", "choice")));
    }

    private static Instant instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(400, "bad_query", name + " '" + text + "' is not an ISO-8601 instant such as"
                    + " 2026-12-01T00:00:00Z", Map.of("parameter", name));
        }
    }

    private static Integer limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "bad_query", "limit '" + text + "' is not a number; give 1 to "
                    + RunQuery.MAX_LIMIT, Map.of("parameter", "limit"));
        }
    }
}
