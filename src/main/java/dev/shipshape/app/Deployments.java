package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunRequest;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.Secrets;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.SqlWriteConfirmation;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.Planner;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.rollback.RollbackRecords;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Tier;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Deploying and what goes with it: deploy, resume, roll back, cancel a run, unlock an environment. */
public final class Deployments {

    /**
     * @param overrideReason why the deployment starts outside its windows (an emergency), or null
     * @param secretsFile    the secrets file asked for, or null for {@code .shipshape/secrets}
     * @param sqlConfirmed   whether {@code postgres.sql} steps may write to a production database
     */
    public record DeployRequest(Runbooks.Loaded runbook, String environment, String version, String overrideReason,
                                Path secretsFile, Actor actor, DeployWatch watch, boolean sqlConfirmed) {
    }

    /** How a run ended, and the run as the store has it then. */
    public record RunResult(RunOutcome outcome, RunRecord run) {
    }

    /**
     * @param plan   the procedure's plan ({@link Plans#procedure})
     * @param reason why it is run (e.g. the incident), or null
     */
    public record ProcedureRequest(Plan plan, Runbooks.Loaded runbook, String reason, Path secretsFile, Actor actor,
                                   RunWatch watch, boolean sqlConfirmed) {
    }

    public record ResumeRequest(String runId, ResumeChoice choice, Path secretsFile, Actor actor, RunWatch watch) {
    }

    /** @param rollback whether the resumed run was a rollback run (its record is kept once it is over) */
    public record Resumed(RunOutcome outcome, RunRecord run, boolean rollback) {
    }

    /**
     * @param to        the version to return to, or null for the previous successful one
     * @param confirmed whether the caller confirmed undoing database stages (data written since is lost)
     */
    public record RollbackRequest(Runbooks.Loaded runbook, String environment, String to, RollbackPlanner.Type type,
                                  String reason, boolean confirmed, Path secretsFile, Actor actor,
                                  RollbackWatch watch, boolean sqlConfirmed) {
    }

    /**
     * @param databaseStages the stages whose data the rollback restores (empty when none)
     * @param outcome        null when it undoes database stages and was not confirmed: nothing ran
     * @param run            the rollback run, null when nothing ran
     */
    public record RolledBack(String from, String to, RollbackPlanner.Type type, List<String> databaseStages,
                             RunOutcome outcome, RunRecord run) {

        public boolean confirmed() {
            return outcome != null;
        }
    }

    public record CancelRequest(String runId, String reason, Actor actor) {
    }

    /** What a cancel did: the run was asked to stop, or (halted, so nothing runs it) recorded as failed. */
    public record Cancelled(String runId, Outcome outcome, String message) {

        public enum Outcome { REQUESTED, RECORDED_FAILED }
    }

    /** @param force take the lock even from a run that is alive (it then rolls back) */
    public record UnlockRequest(Runbook runbook, String environment, String reason, boolean force, Actor actor) {
    }

    /** @param removed the lock that was removed; empty when the environment was not locked */
    public record Unlocked(String service, String environment, Optional<EnvLock> removed, String message) {
    }

    private final Shipshape app;
    private final Store store;

    Deployments(Shipshape app, Store store) {
        this.app = app;
        this.store = store;
    }

    /**
     * Plans the deployment, passes it through the gates, and runs it; a run that rolled back gets its record.
     *
     * @throws GatesRefused when a gate blocks (recorded; nothing started)
     */
    public RunResult deploy(DeployRequest request) {
        Runbook rb = request.runbook().runbook();
        String previous = store.runs().live(rb.service(), request.environment()).map(LiveVersion::version)
                .orElse(null);
        Plan planned = new Planner(app.settings().env()).deploy(rb, request.environment(), request.version(),
                previous);
        confirmSql(planned, request.runbook(), request.sqlConfirmed());
        DeployGates gates = new DeployGates(app, store, rb, request.secretsFile(), request.actor(), request.watch());
        DeployGates.Passed passed = gates.check(planned, request.overrideReason());
        Plan plan = passed.plan();
        Secrets secrets = app.secretsFor(plan, request.secretsFile());
        RunRequest run = runRequest(request.actor(), request.runbook());
        RunOutcome outcome = request.watch().run(signal -> app.engine(store).start(plan, run, secrets,
                gates.recording(plan, passed.report(), request.watch().listener(plan)), signal));
        Rollbacks.keepIfRolledBack(app.settings().home(), store, outcome);
        return new RunResult(outcome, store.runs().run(outcome.runId()).orElseThrow());
    }

    /** Runs a named procedure as a run of its own: locked, recorded, resumable; what is live stays as it is. */
    public RunResult runProcedure(ProcedureRequest request) {
        Plan plan = request.plan();
        confirmSql(plan, request.runbook(), request.sqlConfirmed());
        Secrets secrets = app.secretsFor(plan, request.secretsFile());
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
        RunRequest run = new RunRequest(request.actor().name(), request.runbook().path().toString(),
                request.runbook().text(), reason);
        var listener = request.watch().listener(plan);
        RunOutcome outcome = request.watch().run(signal -> app.engine(store).start(plan, run, secrets, listener,
                signal));
        return new RunResult(outcome, store.runs().run(outcome.runId()).orElseThrow());
    }

    /** Goes on with a run that stopped part-way, planned again from the runbook text it recorded. */
    public Resumed resume(ResumeRequest request) {
        RunStore runs = store.runs();
        String runId = request.runId();
        // Checked before secrets are looked up, so a finished run is named as such first.
        RunRecord run = Runs.find(runs, runId).requireUnfinished();
        Runbook rb = app.runbooks().parse(Path.of(run.runbookPath()), run.runbookText());
        ResumePlans plans = new ResumePlans(app, runs);
        Optional<RollbackPlanner.Type> rollback = plans.rollbackType(rb, run);
        Plan plan = plans.plan(rb, run, rollback, request.actor());
        Secrets secrets = app.secretsFor(plan, request.secretsFile());
        var listener = request.watch().listener(plan);
        RunOutcome outcome = request.watch().run(signal -> app.engine(store).resume(runId, plan, secrets,
                request.choice(), listener, signal));
        RunRecord after = runs.run(runId).orElseThrow();
        if (rollback.isEmpty()) {
            Rollbacks.keepIfRolledBack(app.settings().home(), store, outcome);
        } else if (after.status().isFinal()) {
            Rollbacks.keep(app.settings().home(), store, RollbackRecords.ofRollbackRun(after, runs.steps(runId),
                    rollback.get().name().toLowerCase(Locale.ROOT), "interrupted rollback resumed by "
                            + request.actor().name()));
        }
        return new Resumed(outcome, after, rollback.isPresent());
    }

    /**
     * Rolls the environment back as a run of its own: the rollback steps of its stages, then verification.
     *
     * @throws ShipshapeException INVALID_INPUT when nothing was deployed or there is no version to return to
     */
    public RolledBack rollback(RollbackRequest request) {
        Runbook rb = request.runbook().runbook();
        String environment = request.environment();
        RunStore runs = store.runs();
        String from = runs.live(rb.service(), environment).map(LiveVersion::version).orElseThrow(() ->
                RollbackTargets.usage("nothing was deployed to " + environment
                        + " yet, so there is nothing to roll back"));
        String target = new RollbackTargets(runs, rb.service(), environment).target(request.to(), from);
        Plan plan = new RollbackPlanner(app.settings().env()).plan(rb, environment, from, target, request.type(),
                LiveRunBackup.of(app, request.actor(), runs, rb, environment, null));
        confirmSql(plan, request.runbook(), request.sqlConfirmed());
        List<String> database = plan.stages().stream().filter(s -> s.tier() == Tier.DATABASE)
                .map(PlannedStage::name).toList();
        if (RollbackPlanner.touchesDatabase(plan)) {
            request.watch().undoingDatabase(database);
            if (!request.confirmed()) {
                return new RolledBack(from, target, request.type(), database, null, null);
            }
        }
        Secrets secrets = app.secretsFor(plan, request.secretsFile());
        RunRequest started = runRequest(request.actor(), request.runbook());
        var listener = request.watch().listener(plan);
        RunOutcome outcome = request.watch().run(signal -> app.engine(store).start(plan, started, secrets, listener,
                signal));
        RunRecord run = runs.run(outcome.runId()).orElseThrow();
        Rollbacks.keep(app.settings().home(), store, RollbackRecords.ofRollbackRun(run, runs.steps(run.runId()),
                request.type().name().toLowerCase(Locale.ROOT), request.reason()));
        return new RolledBack(from, target, request.type(), database, outcome, run);
    }

    /**
     * Asks a run (in any process) to stop; a halted run, which nothing runs, is recorded as failed instead.
     *
     * @throws ShipshapeException NOT_FOUND for an unknown run, INVALID_INPUT for one that ended
     */
    public Cancelled cancel(CancelRequest request) {
        RunStore runs = store.runs();
        String runId = request.runId();
        RunRecord run = Runs.find(runs, runId);
        if (run.status().isFinal()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId
                    + " already ended: " + run.status().label());
        }
        Instant now = app.settings().clock().instant();
        if (run.status() == RunStatus.HALTED) {
            runs.record(new Change.RunChanged(runId, now, RunStatus.FAILED,
                    "cancelled by " + request.actor().name() + ": " + request.reason()));
            return new Cancelled(runId, Cancelled.Outcome.RECORDED_FAILED, "run " + runId
                    + " was halted; now recorded as failed (cancelled)");
        }
        runs.requestCancel(runId, request.actor().name(), request.reason(), now);
        return new Cancelled(runId, Cancelled.Outcome.REQUESTED, "cancel requested for run " + runId
                + "; it stops its current step within seconds and rolls back per its policy");
    }

    /**
     * Removes an environment's lock by hand, recorded on the run that held it.
     *
     * @throws ShipshapeException INVALID_INPUT for an environment the runbook lacks, LOCKED when the lock's run is
     *                            alive and the request does not force it
     */
    public Unlocked unlock(UnlockRequest request) {
        Runbook rb = request.runbook();
        String service = rb.service();
        String environment = request.environment();
        if (rb.environment(environment).isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "environment '" + environment
                    + "' is not defined in " + rb.source() + "; defined: " + String.join(", ",
                    rb.environments().keySet()));
        }
        RunStore runs = store.runs();
        runs.lock(service, environment).filter(l -> !request.force()
                        && Environments.alive(l, app.settings().clock().instant()))
                .ifPresent(held -> refuseUnlock(held, environment));
        Optional<EnvLock> removed = runs.forceUnlock(service, environment, request.actor().name(), request.reason(),
                app.settings().clock().instant());
        String message = removed.map(l -> "unlocked " + environment + " of " + service + " (was held by run "
                        + l.runId() + ", " + l.holder() + "); recorded on that run")
                .orElse(environment + " of " + service + " was not locked");
        return new Unlocked(service, environment, removed, message);
    }

    private void refuseUnlock(EnvLock held, String environment) {
        long seconds = Math.max(1, java.time.Duration.between(app.settings().clock().instant(), held.expiresAt())
                .toSeconds());
        throw new ShipshapeException(ShipshapeException.Code.LOCKED, environment + " of " + held.service()
                + " is held by run " + held.runId() + " (process " + held.holder() + "), which is alive (lease renewed,"
                + " ends in " + seconds + "s); cancel it with: shipshape cancel " + held.runId() + " --reason \"...\","
                + " or take the lock anyway with --force (that run then rolls back)");
    }

    private static RunRequest runRequest(Actor actor, Runbooks.Loaded runbook) {
        return new RunRequest(actor.name(), runbook.path().toString(), runbook.text());
    }

    /** Refuses, as an invalid runbook with file:line:column, a plan's unconfirmed writes to a production database. */
    private void confirmSql(Plan plan, Runbooks.Loaded runbook, boolean confirmed) {
        SqlWriteConfirmation.check(plan, app.runbooks().shown(runbook.path()), confirmed);
    }
}
