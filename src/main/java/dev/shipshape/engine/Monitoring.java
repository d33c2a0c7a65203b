package dev.shipshape.engine;

import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.MonitorStep;
import java.util.List;
import java.util.Optional;

/**
 * The monitoring tier of a deployment. Once nothing failed and only {@code monitor:} steps are left, the
 * deployment's verification has passed: the run is live, monitoring ({@link RunStatus#MONITORING}), its version is
 * live, and it lets the environment's lock go, so that a hotfix can deploy and {@code rollback} can run. A new
 * deploy or a rollback of the environment ends the monitoring (through a cancel request naming it); a monitor that
 * finds a breach takes the lock again before rolling back, and does not roll back when another run holds it.
 */
final class Monitoring {

    /** The run's hold on its environment's lock. */
    interface Lock {
        void release();

        /** Empty when taken again, else why not. */
        Optional<String> retake();
    }

    private final Plan plan;
    private final Journal journal;
    private final Progress progress;
    private final Lock lock;
    private boolean active;

    Monitoring(Plan plan, Journal journal, Progress progress, Lock lock) {
        this.plan = plan;
        this.journal = journal;
        this.progress = progress;
        this.lock = lock;
    }

    boolean active() {
        return active;
    }

    /** Before a main step runs: the run goes live, monitoring when this step and every one left are monitors. */
    void before(PlannedStep next) {
        if (active || !plan.procedure().equals("deploy") || !onlyMonitorsFrom(next) || anyStageFailed()) {
            return;
        }
        active = true;
        journal.run(RunStatus.MONITORING, "live, monitoring: verification passed and " + plan.version() + " is live;"
                + " " + plan.environment() + " is not locked while monitoring (a new deploy or a rollback ends it)");
        lock.release();
        journal.note("lock.released", plan.environment() + " unlocked: only monitoring is left");
    }

    /** A monitor that failed and asks for a rollback: the lock is needed again; empty when it was taken. */
    Optional<String> retakeToRollBack() {
        Optional<String> refused = lock.retake();
        if (refused.isEmpty()) {
            journal.note("lock.acquired", plan.environment() + " locked again to roll back");
            active = false;
        }
        return refused;
    }

    /** The monitoring was ended (a new deploy, a rollback, a cancel): recorded with why; the deployment stays live. */
    String ended(String why) {
        String reason = "monitoring ended: " + why;
        journal.note("monitoring.ended", reason);
        return reason;
    }

    private boolean onlyMonitorsFrom(PlannedStep next) {
        List<PlannedStep> main = plan.stages().stream().flatMap(s -> s.steps().stream()).toList();
        int from = main.indexOf(next);
        return from >= 0 && main.subList(from, main.size()).stream()
                .filter(s -> !s.skipped() && !progress.step(s.id()).finished())
                .allMatch(s -> s.step() instanceof MonitorStep);
    }

    private boolean anyStageFailed() {
        return plan.stages().stream().map(PlannedStage::name).anyMatch(n -> progress.stage(n) == State.FAILED);
    }

    /**
     * A new deploy or rollback of the environment ends the monitoring of the runs there that are live, monitoring:
     * each is asked to stop (as a cancel naming this run), and this run records it.
     */
    static void endOthers(RunStore store, Journal journal, Plan plan) {
        if (!plan.procedure().equals("deploy") && !plan.procedure().equals("rollback")) {
            return;
        }
        String what = plan.procedure().equals("deploy") ? "deploy of " + plan.version() + " to " + plan.environment()
                : "rollback of " + plan.environment();
        for (RunRecord r : store.runs(plan.service(), plan.environment(), 50)) {
            if (r.status() == RunStatus.MONITORING && !r.runId().equals(journal.runId())) {
                store.requestCancel(r.runId(), "run " + journal.runId(), what, journal.clock().instant());
                journal.note("monitoring.ended", "ended the monitoring of run " + r.runId() + " (" + r.version()
                        + "): this " + what + " takes over the environment");
            }
        }
    }
}
